package io.mercato;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;
import tools.jackson.databind.JsonNode;

/**
 * Builds test data through the real HTTP API: accounts, stores, categories, listed products with stock,
 * funded buyers and orders. Every name is unique, so tests sharing one database never collide. The fixtures of
 * the test families (ordering, pages) extend it and register as JUnit extensions, binding to the running
 * application before each test.
 */
public class MarketFixture {

    public static final String OPERATOR_EMAIL = "operator@mercato.demo";
    public static final String OPERATOR_PASSWORD = "operator-demo-2026";
    public static final String PASSWORD = "correct-horse-9";
    private static final AtomicLong SEQUENCE = new AtomicLong();

    public static final Map<String, Object> ADDRESS = Map.of("recipient", "Li Lei", "phone", "+86 138 0013 8000",
            "line1", "1 Wensan Road", "city", "Hangzhou", "province", "Zhejiang", "postalCode", "310000",
            "country", "CN");

    private @Nullable Api api;

    public MarketFixture(int port) {
        this.api = new Api(port);
    }

    /** A fixture that learns the application's port later, from {@link #bindTo(ExtensionContext)}. */
    protected MarketFixture() {
    }

    /**
     * Points this fixture at the application of the running {@code @MercatoTest} and returns that application,
     * for subclasses that need its beans.
     */
    protected final ApplicationContext bindTo(ExtensionContext test) {
        ApplicationContext application = SpringExtension.getApplicationContext(test);
        api = new Api(application.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
        return application;
    }

    public Api anonymous() {
        if (api == null) {
            throw new IllegalStateException(getClass().getSimpleName() + " is not bound to a running application yet; "
                    + "register it with @RegisterExtension in a @MercatoTest class and use it from the tests, not before");
        }
        return api;
    }

    public Api operator() {
        return login(OPERATOR_EMAIL, OPERATOR_PASSWORD);
    }

    public Api login(String email, String password) {
        Api.Response session = anonymous().post("/api/v1/sessions", Map.of("email", email, "password", password));
        assertThat(session.status()).as("login of %s: %s", email, session).isEqualTo(201);
        return anonymous().as(session.json().get("token").asString());
    }

    public static String uniqueEmail(String prefix) {
        return prefix + "-" + SEQUENCE.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8) + "@test.mercato";
    }

    /** A new account of the role, logged in. */
    public Api account(String role) {
        return account(role, uniqueEmail(role.toLowerCase()));
    }

    /** A new account of the role with this email and {@link #PASSWORD}, logged in. */
    public Api account(String role, String email) {
        Api.Response created = anonymous().post("/api/v1/accounts",
                Map.of("email", email, "password", PASSWORD, "displayName", role + " " + email, "role", role));
        assertThat(created.status()).as("register %s: %s", email, created).isEqualTo(201);
        return login(email, PASSWORD);
    }

    public long accountId(Api account) {
        Api.Response me = account.get("/api/v1/me");
        assertThat(me.status()).as("me: %s", me).isEqualTo(200);
        return me.json().get("id").asLong();
    }

    /** A logged-in buyer whose CNY wallet holds {@code minor}. */
    public Api buyer(long minor) {
        Api buyer = account("BUYER");
        topUp(buyer, minor);
        return buyer;
    }

    public void topUp(Api buyer, long minor) {
        long left = minor;
        while (left > 0) {
            long chunk = Math.min(left, 5_000_000);
            Api.Response topUp = buyer.create("/api/v1/wallet/top-ups", Map.of("amountMinor", chunk, "currency", "CNY"));
            assertThat(topUp.status()).as("top-up: %s", topUp).isEqualTo(201);
            left -= chunk;
        }
    }

    public long walletBalance(Api buyer) {
        Api.Response wallet = buyer.get("/api/v1/wallet");
        assertThat(wallet.status()).as("wallet: %s", wallet).isEqualTo(200);
        for (JsonNode account : wallet.json()) {
            if (account.get("currency").asString().equals("CNY")) {
                return account.get("balanceMinor").asLong();
            }
        }
        return 0;
    }

    /** A merchant balance of the seller by kind (MERCHANT or ESCROW) in CNY. */
    public long sellerBalance(Api seller, String kind) {
        return sellerBalances(seller).getOrDefault(kind, 0L);
    }

    /** The seller's CNY balances by kind (MERCHANT, ESCROW), read in one request; a kind without an account is absent. */
    public Map<String, Long> sellerBalances(Api seller) {
        Api.Response balance = seller.get("/api/v1/merchant/balance");
        assertThat(balance.status()).as("merchant balance: %s", balance).isEqualTo(200);
        Map<String, Long> balances = new HashMap<>();
        for (JsonNode account : balance.json()) {
            if (account.get("currency").asString().equals("CNY")) {
                balances.put(account.get("kind").asString(), account.get("balanceMinor").asLong());
            }
        }
        return balances;
    }

    public Seller seller(String kind) {
        Api seller = account("SELLER");
        long storeId = openStore(seller, kind);
        return new Seller(seller, storeId);
    }

    public long openStore(Api owner, String kind) {
        Api.Response store = owner.create("/api/v1/stores", Map.of("name", kind + " store " + SEQUENCE.incrementAndGet(),
                "kind", kind));
        assertThat(store.status()).as("open store: %s", store).isEqualTo(201);
        long storeId = store.id();
        if (kind.equals("TMALL")) {
            Api.Response verified = operator().post("/api/v1/operator/stores/" + storeId + "/verification",
                    Map.of("approved", true, "reason", "brand authorisation checked"));
            assertThat(verified.status()).as("verify: %s", verified).isEqualTo(200);
        }
        return storeId;
    }

    public long category(int commissionBasisPoints) {
        Api.Response category = operator().create("/api/v1/operator/categories",
                Map.of("name", "Category " + SEQUENCE.incrementAndGet(), "commissionBasisPoints", commissionBasisPoints));
        assertThat(category.status()).as("category: %s", category).isEqualTo(201);
        return category.id();
    }

    /** A listed product with one SKU at the price and stock; returns the SKU id. */
    public long listedSku(Seller seller, long categoryId, long priceMinor, long stock) {
        return listedProduct(seller, categoryId, List.of(new SkuSpec(Map.of("colour", "red"), priceMinor, stock)))
                .get("skus").get(0).get("id").asLong();
    }

    public JsonNode listedProduct(Seller seller, long categoryId, List<SkuSpec> skus) {
        Api.Response product = seller.api().create("/api/v1/stores/" + seller.storeId() + "/products", Map.of(
                "title", "Product " + SEQUENCE.incrementAndGet(), "description", "A fine thing",
                "categoryId", categoryId, "images", List.of("https://img.example.com/p.jpg"),
                "skus", skus.stream().map(sku -> Map.of("attributes", sku.attributes(), "priceMinor", sku.priceMinor(),
                        "initialStock", sku.stock())).toList()));
        assertThat(product.status()).as("product: %s", product).isEqualTo(201);
        Api.Response listed = seller.api().post("/api/v1/products/" + product.id() + "/listing", null);
        assertThat(listed.status()).as("listing: %s", listed).isEqualTo(200);
        return listed.json();
    }

    /** Places one order for the SKUs (id, quantity pairs) and returns the response. */
    public Api.Response checkout(Api buyer, long skuId, long quantity) {
        return buyer.create("/api/v1/checkouts", Map.of("address", ADDRESS,
                "items", List.of(Map.of("skuId", skuId, "quantity", quantity))));
    }

    /** Places and pays one order; returns the order id. */
    public long paidOrder(Api buyer, long skuId, long quantity) {
        Api.Response placed = checkout(buyer, skuId, quantity);
        assertThat(placed.status()).as("checkout: %s", placed).isEqualTo(201);
        long orderId = placed.json().get("orders").get(0).get("id").asLong();
        Api.Response paid = buyer.create("/api/v1/orders/" + orderId + "/payment", null);
        assertThat(paid.status()).as("payment: %s", paid).isEqualTo(200);
        return orderId;
    }

    public long available(long skuId) {
        JsonNode list = anonymous().get("/api/v1/products/availability?sku=" + skuId).json();
        return list.get(0).get("available").asLong();
    }

    public record Seller(Api api, long storeId) {
    }

    public record SkuSpec(Map<String, String> attributes, long priceMinor, long stock) {
    }
}
