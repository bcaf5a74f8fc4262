package io.mercato.web.internal;

import io.mercato.catalog.Catalog;
import io.mercato.catalog.Category;
import io.mercato.catalog.Product;
import io.mercato.catalog.Sku;
import io.mercato.inventory.Stock;
import io.mercato.inventory.StockLedger;
import io.mercato.merchant.Store;
import io.mercato.merchant.StoreKind;
import io.mercato.merchant.Stores;
import io.mercato.ordering.OrderView;
import io.mercato.ordering.OrderLifecycle;
import io.mercato.ordering.OrderStatistics;
import io.mercato.ordering.OrderStatus;
import io.mercato.ordering.RefundDesk;
import io.mercato.payment.AccountKind;
import io.mercato.payment.Escrow;
import io.mercato.payment.LedgerAccount;
import io.mercato.payment.PaymentProvider.PaymentDeclinedException;
import io.mercato.platform.Actor;
import io.mercato.platform.Currencies;
import io.mercato.platform.DomainException;
import io.mercato.platform.ForbiddenException;
import io.mercato.platform.InvalidInputException;
import io.mercato.platform.Money;
import io.mercato.web.common.Formats;
import io.mercato.web.common.Series;
import io.mercato.web.common.Visits;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The seller centre: stores, products, bulk updates, orders to ship, refunds, money and the dashboard. */
@Controller
class SellerController {

    private final Stores stores;
    private final Catalog catalog;
    private final StockLedger stock;
    private final OrderLifecycle lifecycle;
    private final RefundDesk refunds;
    private final OrderStatistics statistics;
    private final Escrow escrow;
    private final Visits visits;
    private final Formats formats;
    private final Clock clock;
    private final BulkUpdate bulk;

    SellerController(Stores stores, Catalog catalog, StockLedger stock, OrderLifecycle lifecycle,
            RefundDesk refunds, OrderStatistics statistics, Escrow escrow, Visits visits, Formats formats, Clock clock, BulkUpdate bulk) {
        this.stores = stores;
        this.catalog = catalog;
        this.stock = stock;
        this.lifecycle = lifecycle;
        this.refunds = refunds;
        this.statistics = statistics;
        this.escrow = escrow;
        this.visits = visits;
        this.formats = formats;
        this.clock = clock;
        this.bulk = bulk;
    }

    // ---- dashboard

    @GetMapping("/seller")
    String dashboard(Actor seller, Model model) {
        List<Store> mine = stores.ownedBy(seller.accountId());
        if (mine.isEmpty()) {
            return "redirect:/seller/stores/new";
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), formats.zone());
        LocalDate from = today.minusDays(29);
        List<OrderStatistics.DailySales> sales = statistics.dailySales(seller.accountId(), null, from, today,
                formats.zone());
        Map<LocalDate, Long> visitors = visits.perDay(mine.stream().map(Store::id).toList(), from, today);
        Series series = Series.daily(from, today, sales, "CNY");
        model.addAttribute("stores", mine);
        model.addAttribute("days", series.labels());
        model.addAttribute("gmv", series.gmvMajor());
        model.addAttribute("orders", series.orders());
        model.addAttribute("visitors", Series.counts(from, today, visitors));
        model.addAttribute("todayGmv", series.gmvOn(today));
        model.addAttribute("todayOrders", series.ordersOn(today));
        model.addAttribute("todayVisitors", visitors.getOrDefault(today, 0L));
        model.addAttribute("monthGmv", series.totalGmv());
        model.addAttribute("monthOrders", series.totalOrders());
        model.addAttribute("monthVisitors", visitors.values().stream().mapToLong(Long::longValue).sum());
        model.addAttribute("toShip", lifecycle.orders(seller, OrderStatus.PAID, null, null, 0, 100).size());
        model.addAttribute("refundsWaiting", refundsToDecide(seller).size());
        return "seller/dashboard";
    }

    // ---- stores

    @GetMapping("/seller/stores/new")
    String newStore(Actor seller, Model model) {
        model.addAttribute("stores", stores.ownedBy(seller.accountId()));
        model.addAttribute("kinds", List.of(StoreKind.TAOBAO, StoreKind.TMALL, StoreKind.LOCAL, StoreKind.GLOBAL,
                StoreKind.WHOLESALE));
        return "seller/stores";
    }

    @PostMapping("/seller/stores")
    String openStore(Actor seller, @RequestParam String name, @RequestParam StoreKind kind,
            @RequestParam(required = false) @Nullable String logoUrl, Model model, RedirectAttributes redirect) {
        try {
            Store store = stores.open(seller, name, kind, "CNY", logoUrl == null || logoUrl.isBlank() ? null : logoUrl.strip());
            redirect.addFlashAttribute("notice", "store.opened");
            return "redirect:/seller/products?store=" + store.id();
        } catch (DomainException e) {
            model.addAttribute("error", e.getMessage());
            model.addAttribute("name", name);
            return newStore(seller, model);
        }
    }

    private Store current(Actor seller, @Nullable Long storeId) {
        if (storeId != null) {
            return stores.requireManagedBy(seller, storeId);
        }
        List<Store> mine = stores.ownedBy(seller.accountId());
        if (mine.isEmpty()) {
            throw new ForbiddenException("Open a store first");
        }
        return mine.stream().filter(Store::canSell).findFirst().orElse(mine.getFirst());
    }

    // ---- products

    @GetMapping("/seller/products")
    String products(Actor seller, @RequestParam(required = false) @Nullable Long store,
            @RequestParam(defaultValue = "0") int page, Model model) {
        if (stores.ownedBy(seller.accountId()).isEmpty()) {
            return "redirect:/seller/stores/new";
        }
        Store current = current(seller, store);
        Catalog.Page<Product> products = catalog.storeProducts(seller, current.id(), Math.max(0, page), 50);
        model.addAttribute("stores", stores.ownedBy(seller.accountId()));
        model.addAttribute("store", current);
        model.addAttribute("products", products.items());
        model.addAttribute("page", products.page());
        model.addAttribute("pages", Math.max(1, (products.total() + 49) / 50));
        model.addAttribute("levels", stock.stock(products.items().stream()
                .flatMap(p -> p.skus().stream()).map(Sku::id).toList()));
        return "seller/products";
    }

    @GetMapping("/seller/products/new")
    String newProduct(Actor seller, @RequestParam(required = false) @Nullable Long store, Model model) {
        Store current = current(seller, store);
        model.addAttribute("store", current);
        model.addAttribute("form", ProductForm.empty());
        model.addAttribute("categories", flatten(catalog.categoryTree(), ""));
        return "seller/product";
    }

    @GetMapping("/seller/products/{productId}")
    String editProduct(Actor seller, @PathVariable long productId, Model model) {
        Product product = catalog.product(productId, seller);
        Store store = stores.requireManagedBy(seller, product.storeId());
        if (!model.containsAttribute("form")) {
            Map<Long, Stock> levels = stock.stock(product.skus().stream().map(Sku::id).toList());
            model.addAttribute("form", ProductForm.of(product, levels, formats));
        }
        model.addAttribute("product", product);
        model.addAttribute("store", store);
        model.addAttribute("categories", flatten(catalog.categoryTree(), ""));
        return "seller/product";
    }

    @PostMapping({"/seller/products", "/seller/products/{productId}"})
    String saveProduct(Actor seller, @PathVariable(required = false) @Nullable Long productId,
            @RequestParam(required = false) @Nullable Long store, ProductForm form, Model model,
            RedirectAttributes redirect) {
        try {
            Product saved;
            if (productId == null) {
                Store current = current(seller, store);
                saved = catalog.createProduct(seller, current.id(), form.toDraft(current.currency(), true));
            } else {
                Product product = catalog.product(productId, seller);
                Store owner = stores.requireManagedBy(seller, product.storeId());
                saved = catalog.updateProduct(seller, productId, form.toDraft(owner.currency(), false));
                for (ProductForm.Row row : form.rows()) {
                    if (row.id() != null && row.stock() != null && !row.stock().isBlank()) {
                        stock.setOnHand(seller, row.id(), ProductForm.parseCount(row.stock()));
                    }
                }
            }
            redirect.addFlashAttribute("notice", "product.saved");
            return "redirect:/seller/products/" + saved.id();
        } catch (DomainException e) {
            model.addAttribute("error", e.getMessage());
            model.addAttribute("form", form);
            if (productId == null) {
                model.addAttribute("store", current(seller, store));
                model.addAttribute("categories", flatten(catalog.categoryTree(), ""));
                return "seller/product";
            }
            return editProduct(seller, productId, model);
        }
    }

    @PostMapping("/seller/products/{productId}/{action:listing|delisting}")
    String listing(Actor seller, @PathVariable long productId, @PathVariable String action,
            RedirectAttributes redirect) {
        try {
            if (action.equals("listing")) {
                catalog.list(seller, productId);
            } else {
                catalog.delist(seller, productId);
            }
            redirect.addFlashAttribute("notice", "product." + action);
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/seller/products/" + productId;
    }

    record CategoryOption(long id, String label) {
    }

    private static List<CategoryOption> flatten(List<Category> tree, String prefix) {
        List<CategoryOption> options = new ArrayList<>();
        for (Category category : tree) {
            options.add(new CategoryOption(category.id(), prefix + category.name()));
            options.addAll(flatten(category.children(), prefix + category.name() + " › "));
        }
        return options;
    }

    // ---- bulk update

    @GetMapping("/seller/bulk")
    String bulkForm(Actor seller, Model model) {
        return "seller/bulk";
    }

    @PostMapping("/seller/bulk")
    String bulkUpload(Actor seller, @RequestParam("file") MultipartFile file, Model model) throws IOException {
        model.addAttribute("report", bulk.apply(seller, new String(file.getBytes(), StandardCharsets.UTF_8)));
        model.addAttribute("fileName", file.getOriginalFilename());
        return "seller/bulk";
    }

    // ---- orders and refunds

    @GetMapping("/seller/orders")
    String orders(Actor seller, @RequestParam(defaultValue = "PAID") OrderStatus status, Model model) {
        List<OrderView> orders = lifecycle.orders(seller, status, null, null, 0, 100);
        model.addAttribute("orders", orders);
        model.addAttribute("status", status);
        model.addAttribute("statuses", OrderStatus.values());
        return "seller/orders";
    }

    @PostMapping("/seller/orders/{orderId}/shipment")
    String ship(Actor seller, @PathVariable long orderId, @RequestParam String carrier,
            @RequestParam String trackingNumber, RedirectAttributes redirect) {
        try {
            lifecycle.ship(seller, orderId, carrier, trackingNumber);
            redirect.addFlashAttribute("notice", "seller.shipped");
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", "Order " + orderId + ": " + e.getMessage());
        }
        return "redirect:/seller/orders";
    }

    @PostMapping("/seller/orders/{orderId}/delivery")
    String delivered(Actor seller, @PathVariable long orderId, RedirectAttributes redirect) {
        try {
            lifecycle.markDelivered(seller, orderId);
            redirect.addFlashAttribute("notice", "seller.delivered");
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", "Order " + orderId + ": " + e.getMessage());
        }
        return "redirect:/seller/orders?status=SHIPPED";
    }

    private List<RefundDesk.Awaiting> refundsToDecide(Actor seller) {
        return refunds.awaitingDecision(seller, 200);
    }

    @GetMapping("/seller/refunds")
    String refunds(Actor seller, Model model) {
        model.addAttribute("rows", refundsToDecide(seller));
        return "seller/refunds";
    }

    @PostMapping("/seller/refunds/{refundId}/{decision:approval|rejection}")
    String decide(Actor seller, @PathVariable long refundId, @PathVariable String decision,
            @RequestParam(required = false) @Nullable String note, RedirectAttributes redirect) {
        try {
            if (decision.equals("approval")) {
                refunds.approve(seller, refundId, note);
            } else {
                refunds.reject(seller, refundId, note == null ? "" : note);
            }
            redirect.addFlashAttribute("notice", "refund." + decision);
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/seller/refunds";
    }

    // ---- money

    @GetMapping("/seller/finance")
    String finance(Actor seller, Model model) {
        List<LedgerAccount> accounts = escrow.accountsOf(seller);
        model.addAttribute("settled", sum(accounts, AccountKind.MERCHANT));
        model.addAttribute("pending", sum(accounts, AccountKind.ESCROW));
        model.addAttribute("completed", lifecycle.orders(seller, OrderStatus.COMPLETED, null, null, 0, 50));
        model.addAttribute("postings", escrow.statement(seller, 30));
        return "seller/finance";
    }

    private static Map<String, Long> sum(List<LedgerAccount> accounts, AccountKind kind) {
        Map<String, Long> sums = accounts.stream().filter(a -> a.kind() == kind).collect(Collectors.groupingBy(
                LedgerAccount::currency, LinkedHashMap::new, Collectors.summingLong(LedgerAccount::balanceMinor)));
        return sums.isEmpty() ? Map.of("CNY", 0L) : sums;
    }

    @PostMapping("/seller/withdrawals")
    String withdraw(Actor seller, @RequestParam String amount, @RequestParam(defaultValue = "CNY") String currency,
            RedirectAttributes redirect) {
        try {
            long minor;
            try {
                minor = Formats.parseMinor(amount, Currencies.parse(currency).getCurrencyCode());
            } catch (ArithmeticException | NumberFormatException e) {
                throw new InvalidInputException("amount", "'" + amount + "' is not an amount of " + currency);
            }
            escrow.withdraw(seller, new Money(minor, Currencies.parse(currency)));
            redirect.addFlashAttribute("notice", "finance.withdrawn");
        } catch (DomainException | PaymentDeclinedException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/seller/finance";
    }
}
