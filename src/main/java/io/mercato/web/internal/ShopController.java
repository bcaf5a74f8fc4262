package io.mercato.web.internal;

import io.mercato.catalog.Catalog;
import io.mercato.catalog.Category;
import io.mercato.catalog.Product;
import io.mercato.catalog.Sku;
import io.mercato.inventory.Stock;
import io.mercato.inventory.StockLedger;
import io.mercato.merchant.Store;
import io.mercato.merchant.Stores;
import io.mercato.ordering.Address;
import io.mercato.ordering.Cart;
import io.mercato.ordering.Cart.CartItem;
import io.mercato.ordering.Checkout;
import io.mercato.ordering.OrderView;
import io.mercato.ordering.OrderLifecycle;
import io.mercato.ordering.RefundDesk;
import io.mercato.ordering.OrderStatus;
import io.mercato.payment.AccountKind;
import io.mercato.payment.Escrow;
import io.mercato.payment.LedgerAccount;
import io.mercato.platform.Actor;
import io.mercato.platform.Currencies;
import io.mercato.platform.DomainException;
import io.mercato.platform.InvalidInputException;
import io.mercato.platform.Money;
import io.mercato.platform.ForbiddenException;
import io.mercato.platform.NotFoundException;
import io.mercato.payment.PaymentProvider.PaymentDeclinedException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The shop: browsing, the cart, checkout and payment, the buyer's orders and wallet. */
@Controller
class ShopController {

    static final String VISITOR_COOKIE = "mercato-visitor";
    private static final int PAGE_SIZE = 24;

    private final Catalog catalog;
    private final Stores stores;
    private final StockLedger stock;
    private final Cart cart;
    private final Checkout checkout;
    private final OrderLifecycle lifecycle;
    private final RefundDesk refunds;
    private final Escrow escrow;
    private final Visits visits;

    ShopController(Catalog catalog, Stores stores, StockLedger stock, Cart cart, Checkout checkout,
            OrderLifecycle lifecycle, RefundDesk refunds, Escrow escrow, Visits visits) {
        this.catalog = catalog;
        this.stores = stores;
        this.stock = stock;
        this.cart = cart;
        this.checkout = checkout;
        this.lifecycle = lifecycle;
        this.refunds = refunds;
        this.escrow = escrow;
        this.visits = visits;
    }

    @GetMapping("/")
    String home(Model model, @Value("${mercato.demo.enabled:true}") boolean demo) {
        model.addAttribute("demo", demo);
        List<Category> tree = catalog.categoryTree();
        model.addAttribute("categories", tree);
        // Featured: the newest product of each top category, so the home page shows the whole range.
        List<Product> featured = new ArrayList<>();
        for (Category category : tree) {
            featured.addAll(catalog.browse(category.id(), null, Catalog.Sort.NEWEST, 0, 1).items());
        }
        if (featured.size() < 12) {
            catalog.browse(null, null, Catalog.Sort.NEWEST, 0, 12).items().stream()
                    .filter(p -> featured.stream().noneMatch(f -> f.id() == p.id()))
                    .limit(12 - featured.size()).forEach(featured::add);
        }
        model.addAttribute("products", featured.stream().limit(24).toList());
        return "shop/home";
    }

    @GetMapping({"/c/{categoryId}", "/products"})
    String category(@PathVariable(required = false) @Nullable Long categoryId,
            @RequestParam(defaultValue = "NEWEST") Catalog.Sort sort, @RequestParam(defaultValue = "0") int page,
            Model model) {
        List<Category> tree = catalog.categoryTree();
        Category category = categoryId == null ? null : find(tree, categoryId)
                .orElseThrow(() -> new NotFoundException("There is no category " + categoryId));
        Catalog.Page<Product> products = catalog.browse(categoryId, null, sort, Math.max(0, page), PAGE_SIZE);
        model.addAttribute("categories", tree);
        model.addAttribute("category", category);
        model.addAttribute("products", products.items());
        model.addAttribute("page", products.page());
        model.addAttribute("pages", Math.max(1, (products.total() + PAGE_SIZE - 1) / PAGE_SIZE));
        model.addAttribute("total", products.total());
        model.addAttribute("sort", sort);
        return "shop/category";
    }

    private static Optional<Category> find(List<Category> tree, long id) {
        for (Category category : tree) {
            if (category.id() == id) {
                return Optional.of(category);
            }
            Optional<Category> child = find(category.children(), id);
            if (child.isPresent()) {
                return child;
            }
        }
        return Optional.empty();
    }

    @GetMapping("/p/{productId}")
    String product(@PathVariable long productId, @RequestParam(required = false) @Nullable Long sku, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        Product product = catalog.product(productId, PageAdvice.actorOrNull());
        Store store = stores.get(product.storeId());
        visits.record(store.id(), visitor(request, response));
        model.addAttribute("product", product);
        model.addAttribute("store", store);
        model.addAttribute("axes", axes(product));
        buyBox(product, sku, model);
        return "shop/product";
    }

    /** The price, availability and add-to-cart form of one SKU, swapped in by htmx when the buyer picks another. */
    @GetMapping("/p/{productId}/buy-box")
    String buyBoxFragment(@PathVariable long productId, @RequestParam(required = false) @Nullable Long sku,
            Model model) {
        Product product = catalog.product(productId, PageAdvice.actorOrNull());
        model.addAttribute("product", product);
        buyBox(product, sku, model);
        return "shop/product :: buyBox";
    }

    private void buyBox(Product product, @Nullable Long skuId, Model model) {
        Map<Long, Stock> levels = stock.stock(product.skus().stream().map(Sku::id).toList());
        Sku selected = product.skus().stream().filter(s -> skuId != null && s.id() == skuId).findFirst()
                .orElse(product.skus().stream()
                        .filter(s -> levels.containsKey(s.id()) && levels.get(s.id()).available() > 0).findFirst()
                        .orElse(product.skus().getFirst()));
        model.addAttribute("selected", selected);
        model.addAttribute("available", levels.containsKey(selected.id()) ? levels.get(selected.id()).available() : 0);
        model.addAttribute("levels", levels.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().available())));
    }

    private static Map<String, List<String>> axes(Product product) {
        Map<String, List<String>> axes = new LinkedHashMap<>();
        product.skus().forEach(sku -> sku.attributes().forEach((axis, value) -> {
            List<String> values = axes.computeIfAbsent(axis, a -> new ArrayList<>());
            if (!values.contains(value)) {
                values.add(value);
            }
        }));
        return axes;
    }

    private static String visitor(HttpServletRequest request, HttpServletResponse response) {
        if (request.getCookies() != null) {
            Optional<String> known = Arrays.stream(request.getCookies())
                    .filter(c -> VISITOR_COOKIE.equals(c.getName()) && c.getValue().matches("[0-9a-f-]{36}"))
                    .map(Cookie::getValue).findFirst();
            if (known.isPresent()) {
                return known.get();
            }
        }
        String id = UUID.randomUUID().toString();
        Cookie cookie = new Cookie(VISITOR_COOKIE, id);
        cookie.setPath("/");
        cookie.setHttpOnly(true);
        cookie.setMaxAge(60 * 60 * 24 * 365);
        response.addCookie(cookie);
        return id;
    }

    // ---- cart

    @GetMapping("/cart")
    String cart(Actor buyer, Model model) {
        List<CartItem> items = cart.items(buyer);
        model.addAttribute("groups", byStore(items));
        model.addAttribute("totals", totals(items));
        model.addAttribute("empty", items.isEmpty());
        return "shop/cart";
    }

    @PostMapping("/cart/items")
    String addToCart(Actor buyer, @RequestParam long skuId, @RequestParam(defaultValue = "1") long quantity,
            @RequestParam(required = false) @Nullable Long productId, RedirectAttributes redirect) {
        try {
            long already = cart.items(buyer).stream().filter(i -> i.skuId() == skuId).mapToLong(CartItem::quantity)
                    .sum();
            long wanted = already + quantity;
            long available = stock.stock(skuId).available();
            if (wanted > available) {
                throw new io.mercato.platform.ConflictException("Only " + available + " left of this item; you asked for "
                        + wanted + (already > 0 ? " (" + already + " already in your cart)" : ""));
            }
            cart.put(buyer, skuId, wanted);
            redirect.addFlashAttribute("notice", "cart.added");
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return productId != null ? "redirect:/p/" + productId + "?sku=" + skuId : "redirect:/cart";
    }

    @PostMapping("/cart/items/{skuId}")
    String setQuantity(Actor buyer, @PathVariable long skuId, @RequestParam long quantity,
            RedirectAttributes redirect) {
        try {
            if (quantity <= 0) {
                cart.remove(buyer, skuId);
            } else {
                cart.put(buyer, skuId, quantity);
            }
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/cart";
    }

    @PostMapping("/cart/items/{skuId}/removal")
    String remove(Actor buyer, @PathVariable long skuId) {
        cart.remove(buyer, skuId);
        return "redirect:/cart";
    }

    record StoreGroup(Store store, List<CartItem> items, long subtotalMinor, String currency) {
    }

    private List<StoreGroup> byStore(List<CartItem> items) {
        Map<Long, List<CartItem>> grouped = items.stream()
                .collect(Collectors.groupingBy(CartItem::storeId, LinkedHashMap::new, Collectors.toList()));
        Map<Long, Store> known = new LinkedHashMap<>();
        return grouped.entrySet().stream().map(e -> new StoreGroup(known.computeIfAbsent(e.getKey(), stores::get),
                e.getValue(), e.getValue().stream().mapToLong(i -> i.unitPriceMinor() * i.quantity()).sum(),
                e.getValue().getFirst().currency())).toList();
    }

    private static Map<String, Long> totals(List<CartItem> items) {
        return items.stream().collect(Collectors.groupingBy(CartItem::currency, LinkedHashMap::new,
                Collectors.summingLong(i -> i.unitPriceMinor() * i.quantity())));
    }

    // ---- checkout

    @GetMapping("/checkout")
    String checkoutForm(Actor buyer, Model model) {
        List<CartItem> items = cart.items(buyer);
        if (items.isEmpty()) {
            return "redirect:/cart";
        }
        if (!model.containsAttribute("address")) {
            model.addAttribute("address", lastAddress(buyer));
        }
        model.addAttribute("groups", byStore(items));
        model.addAttribute("totals", totals(items));
        return "shop/checkout";
    }

    private AddressForm lastAddress(Actor buyer) {
        List<OrderView> recent = lifecycle.orders(buyer, null, null, null, 0, 1);
        if (recent.isEmpty()) {
            return new AddressForm("", "", "", "", "", "", "", "CN");
        }
        Address a = recent.getFirst().address();
        return new AddressForm(a.recipient(), a.phone(), a.line1(), a.line2() == null ? "" : a.line2(), a.city(),
                a.province() == null ? "" : a.province(), a.postalCode() == null ? "" : a.postalCode(), a.country());
    }

    record AddressForm(String recipient, String phone, String line1, String line2, String city, String province,
            String postalCode, String country) {

        public Map<String, String> values() {
            Map<String, String> values = new LinkedHashMap<>();
            values.put("recipient", recipient);
            values.put("phone", phone);
            values.put("line1", line1);
            values.put("line2", line2);
            values.put("city", city);
            values.put("province", province);
            values.put("postalCode", postalCode);
            values.put("country", country);
            return values;
        }

        Address toAddress() {
            return new Address(recipient, phone, line1, blank(line2), city, blank(province), blank(postalCode),
                    country == null ? "" : country.strip().toUpperCase(java.util.Locale.ROOT));
        }

        private static @Nullable String blank(@Nullable String value) {
            return value == null || value.isBlank() ? null : value.strip();
        }
    }

    @PostMapping("/checkout")
    String placeOrders(Actor buyer, AddressForm address, Model model, RedirectAttributes redirect) {
        try {
            Checkout.Placed placed = checkout.place(buyer, address.toAddress(), null);
            return "redirect:/checkout/" + placed.checkoutId();
        } catch (InvalidInputException e) {
            model.addAttribute("fieldError", e.field());
            model.addAttribute("error", e.getMessage());
        } catch (DomainException e) {
            model.addAttribute("error", e.getMessage());
        }
        model.addAttribute("address", address);
        return checkoutForm(buyer, model);
    }

    @GetMapping("/checkout/{checkoutId}")
    String payment(Actor buyer, @PathVariable long checkoutId, Model model) {
        List<OrderView> orders = checkoutOrders(buyer, checkoutId);
        model.addAttribute("checkoutId", checkoutId);
        model.addAttribute("orders", orders);
        model.addAttribute("storeNames", storeNames(orders));
        Map<String, Long> due = orders.stream().filter(o -> o.status() == OrderStatus.AWAITING_PAYMENT)
                .collect(Collectors.groupingBy(OrderView::currency, LinkedHashMap::new, Collectors.summingLong(OrderView::totalMinor)));
        model.addAttribute("due", due);
        model.addAttribute("wallets", wallets(buyer));
        return "shop/pay";
    }

    private List<OrderView> checkoutOrders(Actor buyer, long checkoutId) {
        try {
            return checkout.orders(buyer, checkoutId);
        } catch (ForbiddenException e) {
            // Someone else's checkout does not exist as far as this buyer's pages are concerned.
            throw new NotFoundException("You have no checkout " + checkoutId);
        }
    }

    @PostMapping("/checkout/{checkoutId}/payment")
    String pay(Actor buyer, @PathVariable long checkoutId, RedirectAttributes redirect) {
        try {
            checkout.pay(buyer, checkoutId);
            redirect.addFlashAttribute("notice", "pay.done");
            return "redirect:/orders";
        } catch (DomainException | PaymentDeclinedException e) {
            redirect.addFlashAttribute("error", e.getMessage());
            return "redirect:/checkout/" + checkoutId;
        }
    }

    private Map<Long, String> storeNames(List<OrderView> orders) {
        Map<Long, String> names = new LinkedHashMap<>();
        orders.forEach(o -> names.computeIfAbsent(o.storeId(), id -> stores.get(id).name()));
        return names;
    }

    // ---- orders

    @GetMapping("/orders")
    String orders(Actor buyer, @RequestParam(required = false) @Nullable OrderStatus status,
            @RequestParam(defaultValue = "0") int page, Model model) {
        List<OrderView> orders = lifecycle.orders(buyer, status, null, null, Math.max(0, page), 20);
        model.addAttribute("orders", orders);
        model.addAttribute("storeNames", storeNames(orders));
        model.addAttribute("status", status);
        model.addAttribute("statuses", OrderStatus.values());
        model.addAttribute("page", page);
        return "shop/orders";
    }

    @GetMapping("/orders/{orderId}")
    String order(Actor buyer, @PathVariable long orderId, Model model) {
        OrderView order = lifecycle.order(buyer, orderId);
        model.addAttribute("order", order);
        model.addAttribute("store", stores.get(order.storeId()));
        model.addAttribute("steps", Timeline.of(order));
        return "shop/order";
    }

    @PostMapping("/orders/{orderId}/{action}")
    String act(Actor buyer, @PathVariable long orderId, @PathVariable String action,
            @RequestParam(required = false) @Nullable String reason, RedirectAttributes redirect) {
        try {
            switch (action) {
                case "payment" -> lifecycle.pay(buyer, orderId);
                case "cancellation" -> lifecycle.cancel(buyer, orderId, reason);
                case "receipt" -> lifecycle.confirmReceipt(buyer, orderId);
                case "refund" -> refunds.request(buyer, orderId, null, reason == null ? "" : reason);
                default -> throw new NotFoundException("No such action on an order: " + action);
            }
            redirect.addFlashAttribute("notice", "order.done." + action);
        } catch (NotFoundException e) {
            throw e;
        } catch (DomainException | PaymentDeclinedException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/orders/" + orderId;
    }

    // ---- wallet

    @GetMapping("/wallet")
    String wallet(Actor buyer, Model model) {
        model.addAttribute("wallets", wallets(buyer));
        model.addAttribute("postings", escrow.statement(buyer, 20));
        return "shop/wallet";
    }

    private List<LedgerAccount> wallets(Actor buyer) {
        List<LedgerAccount> wallets = escrow.accountsOf(buyer).stream()
                .filter(a -> a.kind() == AccountKind.WALLET).toList();
        return wallets.isEmpty() ? List.of(new LedgerAccount(0, AccountKind.WALLET, buyer.accountId(), Money.zero(Currencies.CNY))) : wallets;
    }

    @PostMapping("/wallet/top-up")
    String topUp(Actor buyer, @RequestParam String amount, @RequestParam(defaultValue = "CNY") String currency,
            RedirectAttributes redirect) {
        try {
            long minor;
            try {
                minor = Formats.parseMinor(amount, Currencies.parse(currency).getCurrencyCode());
            } catch (ArithmeticException | NumberFormatException e) {
                throw new InvalidInputException("amount", "'" + amount + "' is not an amount of " + currency);
            }
            if (minor <= 0) {
                throw new InvalidInputException("amount", "Top up a positive amount, not " + amount);
            }
            escrow.topUp(buyer, new Money(minor, Currencies.parse(currency)));
            redirect.addFlashAttribute("notice", "wallet.topped");
        } catch (DomainException | PaymentDeclinedException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/wallet";
    }
}
