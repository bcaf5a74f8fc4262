package io.mercato.web.ops;

import io.mercato.catalog.Catalog;
import io.mercato.catalog.Product;
import io.mercato.catalog.ProductStatus;
import io.mercato.identity.Account;
import io.mercato.identity.Accounts;
import io.mercato.merchant.StoreKind;
import io.mercato.merchant.StoreStatus;
import io.mercato.merchant.Stores;
import io.mercato.ordering.OrderLifecycle;
import io.mercato.ordering.OrderSearch;
import io.mercato.ordering.OrderStatus;
import io.mercato.platform.Actor;
import io.mercato.platform.Role;
import io.mercato.web.common.Formats;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The console's lists of orders, stores, buyers and products: paged (by offset, newest first), with filters that
 * combine, each row linking to its detail page, and names where the data holds ids.
 */
@Controller
final class OpsListsController {

    static final int PAGE_SIZE = 25;

    private final OrderLifecycle lifecycle;
    private final Stores stores;
    private final Accounts accounts;
    private final Catalog catalog;
    private final Formats formats;

    OpsListsController(OrderLifecycle lifecycle, Stores stores, Accounts accounts, Catalog catalog, Formats formats) {
        this.lifecycle = lifecycle;
        this.stores = stores;
        this.accounts = accounts;
        this.catalog = catalog;
        this.formats = formats;
    }

    @GetMapping("/ops/orders")
    String orders(Actor operator, @RequestParam(required = false) @Nullable OrderStatus status,
            @RequestParam(required = false) @Nullable Long store,
            @RequestParam(required = false) @Nullable String buyer,
            @RequestParam(required = false) @Nullable String product,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
            @RequestParam(defaultValue = "0") int page, Model model) {
        Optional<Long> buyerId = Optional.empty();
        boolean nobody = false;
        if (buyer != null && !buyer.isBlank()) {
            String text = buyer.strip();
            buyerId = text.matches("[0-9]{1,18}") ? Optional.of(Long.parseLong(text))
                    : accounts.findByEmail(text).map(Account::id);
            nobody = buyerId.isEmpty();
        }
        int shown = clamp(page);
        OrderSearch.Found found = nobody ? new OrderSearch.Found(List.of(), shown, PAGE_SIZE, 0)
                : lifecycle.search(operator, new OrderSearch(null, status, store, buyerId.orElse(null),
                        from == null ? null : from.atStartOfDay(formats.zone()).toInstant(),
                        to == null ? null : to.plusDays(1).atStartOfDay(formats.zone()).toInstant(), product),
                        shown, PAGE_SIZE);
        model.addAttribute("found", found);
        model.addAttribute("statuses", OrderStatus.values());
        model.addAttribute("status", status);
        model.addAttribute("store", store);
        model.addAttribute("buyer", buyer == null ? "" : buyer);
        model.addAttribute("product", product == null ? "" : product);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        return "ops/orders";
    }

    @GetMapping("/ops/stores")
    String stores(Actor operator, @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable StoreKind kind,
            @RequestParam(required = false) @Nullable StoreStatus status,
            @RequestParam(defaultValue = "0") int page, Model model) {
        operator.require(Role.OPERATOR);
        Stores.Found found = stores.list(q, kind, status, clamp(page), PAGE_SIZE);
        model.addAttribute("found", found);
        model.addAttribute("pages", pages(found.total()));
        model.addAttribute("q", q == null ? "" : q.strip());
        model.addAttribute("kinds", StoreKind.values());
        model.addAttribute("kind", kind);
        model.addAttribute("statuses", StoreStatus.values());
        model.addAttribute("status", status);
        return "ops/stores";
    }

    @GetMapping("/ops/buyers")
    String buyers(Actor operator, @RequestParam(required = false) @Nullable String q,
            @RequestParam(defaultValue = "0") int page, Model model) {
        operator.require(Role.OPERATOR);
        Accounts.Found found = accounts.list(Role.BUYER, q, clamp(page), PAGE_SIZE);
        model.addAttribute("found", found);
        model.addAttribute("pages", pages(found.total()));
        model.addAttribute("q", q == null ? "" : q.strip());
        return "ops/buyers";
    }

    @GetMapping("/ops/products")
    String products(Actor operator, @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable ProductStatus status,
            @RequestParam(required = false) @Nullable Long store,
            @RequestParam(defaultValue = "0") int page, Model model) {
        Catalog.Page<Product> found = catalog.allProducts(operator, q, status, store, clamp(page), PAGE_SIZE);
        model.addAttribute("found", found);
        model.addAttribute("pages", pages(found.total()));
        model.addAttribute("q", q == null ? "" : q.strip());
        model.addAttribute("statuses", ProductStatus.values());
        model.addAttribute("status", status);
        model.addAttribute("store", store);
        return "ops/products";
    }

    private static int clamp(int page) {
        return Math.min(Math.max(0, page), 100_000);
    }

    private static long pages(long total) {
        return Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
    }
}
