package io.mercato;

import static org.assertj.core.api.Assertions.assertThat;

import io.mercato.MarketFixture.Seller;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Bad requests get a 4xx problem detail that says what is wrong (never a 500), and a refused request leaves
 * nothing half-written behind.
 */
@MercatoTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputIT {

    private static final long PRICE = 1_000;
    private static final long UNKNOWN = 987_654_321L;

    @LocalServerPort
    int port;

    private MarketFixture market;
    private Api buyer;
    private Seller seller;
    private long category;
    private long sku;

    @BeforeAll
    void setUp() {
        market = new MarketFixture(port);
        buyer = market.buyer(1_000_000);
        seller = market.seller("TAOBAO");
        category = market.category(300);
        sku = market.listedSku(seller, category, PRICE, 1_000);
    }

    /** A 4xx problem detail whose detail names each of the fragments. */
    private static JsonNode assertProblem(Api.Response response, int status, String... detailFragments) {
        assertThat(response.status()).as("%s", response).isEqualTo(status);
        assertThat(response.contentType()).as("%s", response).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        String detail = problem.get("detail").asString();
        for (String fragment : detailFragments) {
            assertThat(detail).as("detail of %s", response).containsIgnoringCase(fragment);
        }
        return problem;
    }

    private static void assertField(JsonNode problem, String field) {
        assertThat(problem.get("errors")).as("errors of %s", problem).isNotNull();
        assertThat(problem.get("errors").findValuesAsString("field")).contains(field);
        problem.get("errors").forEach(error -> assertThat(error.propertyNames()).as("an error names its field first")
                .containsExactly("field", "message"));
    }

    private Map<String, Object> checkout(Object... skuThenQuantity) {
        List<Map<String, Object>> items = new java.util.ArrayList<>();
        for (int i = 0; i < skuThenQuantity.length; i += 2) {
            items.add(Map.of("skuId", skuThenQuantity[i], "quantity", skuThenQuantity[i + 1]));
        }
        return Map.of("address", MarketFixture.ADDRESS, "items", items);
    }

    private Map<String, Object> address(String key, Object value) {
        Map<String, Object> address = new HashMap<>(MarketFixture.ADDRESS);
        if (value == null) {
            address.remove(key);
        } else {
            address.put(key, value);
        }
        return address;
    }

    private long unpaidOrder(Api who) {
        Api.Response placed = market.checkout(who, sku, 1);
        assertThat(placed.status()).as("%s", placed).isEqualTo(201);
        return placed.json().get("orders").get(0).get("id").asLong();
    }

    private Api.Response post(Api who, String path, Object body) {
        return who.create(path, body);
    }

    private long shipped(long order) {
        Api.Response shipped = seller.api().post("/api/v1/orders/" + order + "/shipment",
                Map.of("carrier", "SF Express", "trackingNumber", "SF1234567890"));
        assertThat(shipped.status()).as("%s", shipped).isEqualTo(200);
        return order;
    }

    private long delivered(long order) {
        shipped(order);
        Api.Response delivered = seller.api().post("/api/v1/orders/" + order + "/delivery", null);
        assertThat(delivered.status()).as("%s", delivered).isEqualTo(200);
        return order;
    }

    private String status(long order) {
        return buyer.get("/api/v1/orders/" + order).json().get("status").asString();
    }

    @Test
    void malformedJsonIsA400NamingTheProblem() {
        assertProblem(buyer.raw("POST", "/api/v1/checkouts", "{\"address\": {\"recipient\": "), 400, "JSON");
        assertProblem(buyer.raw("POST", "/api/v1/wallet/top-ups", "not json at all"), 400, "JSON");
        // Text where a number belongs is named by its field; Jackson's message (which quotes it) is not shown.
        assertField(assertProblem(buyer.raw("POST", "/api/v1/wallet/top-ups",
                "{\"amountMinor\": \"lots\", \"currency\": \"CNY\"}"), 400, "amountMinor", "not text"), "amountMinor");
        assertProblem(seller.api().raw("POST", "/api/v1/stores", "{\"name\": \"Shop\", \"kind\": \"MALL\"}"), 400, "MALL");
        assertProblem(seller.api().raw("PUT", "/api/v1/skus/" + sku + "/stock", "[1, 2]"), 400, "JSON");
        long order = unpaidOrder(buyer);
        assertProblem(seller.api().raw("POST", "/api/v1/orders/" + order + "/shipment", ""), 400, "body");
        assertThat(status(order)).isEqualTo("AWAITING_PAYMENT");
    }

    @Test
    void missingRequiredFieldsAreNamed() {
        assertField(assertProblem(seller.api().create("/api/v1/stores", Map.of("kind", "TAOBAO")), 400, "name"), "name");
        assertField(assertProblem(buyer.create("/api/v1/wallet/top-ups", Map.of("currency", "CNY")), 400, "amountMinor"),
                "amountMinor");
        assertField(assertProblem(buyer.create("/api/v1/checkouts", Map.of("items", List.of(Map.of("skuId", sku,
                "quantity", 1)))), 400, "address"), "address");
        assertProblem(buyer.create("/api/v1/checkouts", Map.of("address", MarketFixture.ADDRESS, "items", List.of())),
                400, "at least one item");
        assertProblem(seller.api().create("/api/v1/stores/" + seller.storeId() + "/products",
                Map.of("title", "No SKUs", "categoryId", category)), 400, "SKU");
        assertProblem(seller.api().create("/api/v1/stores/" + seller.storeId() + "/products",
                Map.of("title", "No category", "skus", List.of(Map.of("priceMinor", 100)))), 400, "category");
        assertProblem(seller.api().put("/api/v1/skus/" + sku + "/stock", Map.of()), 400, "onHand");
        long order = market.paidOrder(buyer, sku, 1);
        assertField(assertProblem(seller.api().post("/api/v1/orders/" + order + "/shipment",
                Map.of("carrier", "SF Express")), 400, "trackingNumber"), "trackingNumber");
        assertProblem(buyer.create("/api/v1/orders/" + order + "/refunds", Map.of()), 400, "reason");
        assertProblem(market.anonymous().post("/api/v1/accounts", Map.of("email", MarketFixture.uniqueEmail("x"),
                "password", MarketFixture.PASSWORD, "displayName", "No role")), 400, "role");
        assertThat(status(order)).isEqualTo("PAID");
    }

    @Test
    void outOfRangeQuantitiesPricesAndPagesAreRefused() {
        long before = market.available(sku);
        for (long quantity : new long[] {0, -1, 1_000_000}) {
            JsonNode problem = assertProblem(buyer.create("/api/v1/checkouts", checkout(sku, quantity)), 400,
                    "quantity", String.valueOf(quantity));
            assertField(problem, "items[0].quantity");
            assertProblem(buyer.put("/api/v1/cart/items/" + sku, Map.of("quantity", quantity)), 400, "quantity",
                    String.valueOf(quantity));
        }
        assertThat(market.available(sku)).isEqualTo(before);
        for (long price : new long[] {0, -5}) {
            assertField(assertProblem(seller.api().create("/api/v1/stores/" + seller.storeId() + "/products",
                    Map.of("title", "Free lunch", "categoryId", category, "skus", List.of(Map.of("priceMinor", price)))),
                    400, "price", String.valueOf(price)), "skus[0].priceMinor");
        }
        assertProblem(seller.api().put("/api/v1/skus/" + sku + "/stock", Map.of("onHand", -1)), 400, "on hand", "-1");
        assertProblem(market.anonymous().get("/api/v1/products?page=-1"), 400, "page", "-1");
        assertProblem(market.anonymous().get("/api/v1/products?size=1000"), 400, "size", "1000");
        assertProblem(buyer.get("/api/v1/orders?page=-1"), 400, "page", "-1");
        assertProblem(buyer.get("/api/v1/orders?size=1000"), 400, "size", "1000");
        assertProblem(seller.api().get("/api/v1/seller/stores/" + seller.storeId() + "/products?size=0"), 400, "size");
        assertProblem(buyer.get("/api/v1/ledger/statement?limit=0"), 400, "limit");
        assertProblem(buyer.get("/api/v1/orders?page=abc"), 400, "page", "abc");
        assertProblem(buyer.get("/api/v1/orders?status=LOST"), 400, "status", "LOST");
        assertProblem(buyer.get("/api/v1/orders/abc"), 400, "orderId", "abc");
        assertField(assertProblem(buyer.create("/api/v1/wallet/top-ups", Map.of("amountMinor", 0, "currency", "CNY")),
                400, "top-up", "got 0"), "amountMinor");
        assertProblem(buyer.create("/api/v1/wallet/top-ups", Map.of("amountMinor", -100, "currency", "CNY")), 400,
                "-100");
        assertProblem(seller.api().create("/api/v1/merchant/withdrawals", Map.of("amountMinor", -1, "currency", "CNY")),
                400, "-1");
        assertProblem(market.operator().create("/api/v1/operator/categories",
                Map.of("name", "Greedy", "commissionBasisPoints", 9_000)), 400, "9000");
    }

    @Test
    void unknownIdsAreNamed() {
        String id = String.valueOf(UNKNOWN);
        assertField(assertProblem(buyer.create("/api/v1/checkouts", checkout(UNKNOWN, 1)), 400, "SKU " + id),
                "items[0].skuId");
        assertProblem(buyer.put("/api/v1/cart/items/" + UNKNOWN, Map.of("quantity", 1)), 400, id);
        assertProblem(buyer.get("/api/v1/orders/" + UNKNOWN), 404, "Order " + id);
        assertProblem(buyer.create("/api/v1/orders/" + UNKNOWN + "/payment", null), 404, "Order " + id);
        assertProblem(buyer.create("/api/v1/checkouts/" + UNKNOWN + "/payment", null), 404, "Checkout " + id);
        assertProblem(market.anonymous().get("/api/v1/stores/" + UNKNOWN), 404, "Store " + id);
        assertProblem(seller.api().create("/api/v1/stores/" + UNKNOWN + "/products", Map.of("title", "x")), 404,
                "Store " + id);
        assertProblem(market.anonymous().get("/api/v1/products/" + UNKNOWN), 404, id);
        assertField(assertProblem(seller.api().create("/api/v1/stores/" + seller.storeId() + "/products",
                Map.of("title", "Orphan", "categoryId", UNKNOWN, "skus", List.of(Map.of("priceMinor", 100)))), 400,
                "Category " + id), "categoryId");
        assertProblem(market.operator().create("/api/v1/operator/categories",
                Map.of("name", "Orphan", "parentId", UNKNOWN, "commissionBasisPoints", 10)), 400, id);
        assertProblem(seller.api().create("/api/v1/refunds/" + UNKNOWN + "/approval", null), 404, "Refund " + id);
        assertProblem(seller.api().create("/api/v1/refunds/" + UNKNOWN + "/rejection", Map.of("note", "no")), 404,
                "Refund " + id);
        assertProblem(seller.api().put("/api/v1/skus/" + UNKNOWN + "/stock", Map.of("onHand", 1)), 404, "SKU " + id);
        assertProblem(market.operator().create("/api/v1/operator/stores/" + UNKNOWN + "/verification",
                Map.of("approved", true, "reason", "ok")), 404, "Store " + id);
        long order = market.paidOrder(buyer, sku, 1);
        assertProblem(buyer.create("/api/v1/orders/" + order + "/refunds",
                Map.of("reason", "wrong", "items", List.of(Map.of("lineId", UNKNOWN, "quantity", 1)))), 400, id);
        assertThat(status(order)).isEqualTo("PAID");
    }

    @Test
    void wrongCurrenciesAreRefused() {
        long before = market.walletBalance(buyer);
        assertField(assertProblem(buyer.create("/api/v1/wallet/top-ups", Map.of("amountMinor", 100, "currency", "XYZ")),
                400, "XYZ"), "currency");
        assertProblem(buyer.create("/api/v1/wallet/top-ups", Map.of("amountMinor", 100, "currency", "cny")), 400, "cny");
        assertThat(market.walletBalance(buyer)).isEqualTo(before);
        assertField(assertProblem(seller.api().create("/api/v1/stores/" + seller.storeId() + "/products",
                Map.of("title", "Dollar thing", "categoryId", category, "skus",
                        List.of(Map.of("priceMinor", 100, "currency", "USD")))), 400, "USD", "CNY"), "skus[0].currency");
        assertProblem(seller.api().create("/api/v1/stores", Map.of("name", "Bitcoin shop", "kind", "TAOBAO",
                "currency", "BTC")), 400, "BTC");
        assertProblem(seller.api().create("/api/v1/merchant/withdrawals", Map.of("amountMinor", 1, "currency", "XYZ")),
                400, "XYZ");
        assertThat(productsOf(seller)).noneSatisfy(p -> assertThat(p.get("title").asString()).isEqualTo("Dollar thing"));
    }

    private List<JsonNode> productsOf(Seller owner) {
        List<JsonNode> list = new java.util.ArrayList<>();
        owner.api().get("/api/v1/seller/stores/" + owner.storeId() + "/products?size=100").json().get("items")
                .forEach(list::add);
        return list;
    }

    @Test
    void invalidAddressesAreNamedByField() {
        long before = market.available(sku);
        Map<String, Object> items = Map.of("skuId", sku, "quantity", 1);
        Object[][] cases = {
                {"country", "China", "address.country", "longer than 2"},
                {"country", "cn", "address.country", "'cn'"},
                {"phone", null, "address.phone", "address.phone"},
                {"phone", "call me maybe", "address.phone", "call me maybe"},
                {"recipient", "", "address.recipient", "address.recipient"},
                {"city", "x".repeat(101), "address.city", "address.city"},
                {"postalCode", "!!", "address.postalCode", "'!!'"},
        };
        for (Object[] bad : cases) {
            Api.Response response = buyer.create("/api/v1/checkouts",
                    Map.of("address", address((String) bad[0], bad[1]), "items", List.of(items)));
            assertField(assertProblem(response, 400, (String) bad[3]), (String) bad[2]);
        }
        assertThat(market.available(sku)).isEqualTo(before);
    }

    @Test
    void illegalStateTransitionsAreConflictsThatChangeNothing() {
        long unpaid = unpaidOrder(buyer);
        assertProblem(seller.api().post("/api/v1/orders/" + unpaid + "/shipment",
                Map.of("carrier", "SF Express", "trackingNumber", "SF1234567890")), 409, "ship", "awaiting payment");
        assertProblem(buyer.create("/api/v1/orders/" + unpaid + "/receipt-confirmation", null), 409, "awaiting payment");
        assertProblem(seller.api().create("/api/v1/orders/" + unpaid + "/delivery", null), 409, "awaiting payment");
        assertThat(status(unpaid)).isEqualTo("AWAITING_PAYMENT");

        long wallet = market.walletBalance(buyer);
        assertThat(buyer.create("/api/v1/orders/" + unpaid + "/payment", null).status()).isEqualTo(200);
        assertProblem(buyer.create("/api/v1/orders/" + unpaid + "/payment", null), 409, "pay", "paid");
        assertThat(market.walletBalance(buyer)).isEqualTo(wallet - PRICE);
        assertProblem(buyer.create("/api/v1/orders/" + unpaid + "/receipt-confirmation", null), 409, "confirm", "paid");

        long refunded = market.paidOrder(buyer, sku, 1);
        assertThat(buyer.create("/api/v1/orders/" + refunded + "/refunds", Map.of("reason", "mistake")).status())
                .isEqualTo(201);
        long afterRefund = market.walletBalance(buyer);
        assertProblem(buyer.create("/api/v1/orders/" + refunded + "/refunds", Map.of("reason", "again")), 409,
                "refund", "refunded");
        assertThat(market.walletBalance(buyer)).isEqualTo(afterRefund);

        long shipped = shipped(market.paidOrder(buyer, sku, 1));
        assertProblem(buyer.create("/api/v1/orders/" + shipped + "/cancellation", null), 409, "cancel", "shipped");
        assertProblem(buyer.create("/api/v1/orders/" + shipped + "/refunds", Map.of("reason", "early")), 409, "delivered");
        assertThat(status(shipped)).isEqualTo("SHIPPED");

        long delivered = delivered(market.paidOrder(buyer, sku, 1));
        Api.Response asked = buyer.create("/api/v1/orders/" + delivered + "/refunds", Map.of("reason", "broken"));
        assertThat(asked.status()).as("%s", asked).isEqualTo(201);
        long refund = asked.id();
        assertProblem(buyer.create("/api/v1/orders/" + delivered + "/refunds", Map.of("reason", "again")), 409,
                "nothing left to refund");
        assertProblem(buyer.create("/api/v1/orders/" + delivered + "/receipt-confirmation", null), 409,
                "refund " + refund);
        assertThat(seller.api().create("/api/v1/refunds/" + refund + "/approval", Map.of("note", "ok")).status())
                .isEqualTo(200);
        long afterReturn = market.walletBalance(buyer);
        assertProblem(seller.api().create("/api/v1/refunds/" + refund + "/approval", Map.of("note", "twice")), 409,
                "Refund " + refund, "already approved");
        assertProblem(seller.api().create("/api/v1/refunds/" + refund + "/rejection", Map.of("note", "changed mind")),
                409, "already approved");
        assertThat(market.walletBalance(buyer)).isEqualTo(afterReturn);
        assertThat(status(delivered)).isEqualTo("REFUNDED");

        long cancelled = unpaidOrder(buyer);
        assertThat(buyer.create("/api/v1/orders/" + cancelled + "/cancellation", null).status()).isEqualTo(200);
        assertProblem(buyer.create("/api/v1/orders/" + cancelled + "/payment", null), 409, "cancelled");
        assertProblem(buyer.create("/api/v1/orders/" + cancelled + "/cancellation", null), 409, "cancelled");

        Seller tmall = market.seller("TAOBAO");
        assertProblem(market.operator().create("/api/v1/operator/stores/" + tmall.storeId() + "/verification",
                Map.of("approved", true, "reason", "ok")), 409, "only Tmall stores");
    }

    @Test
    void aBadIdempotencyKeyIsRefusedBeforeAnythingHappens() {
        long before = market.walletBalance(buyer);
        Api.Response response = buyer.post("/api/v1/wallet/top-ups", Map.of("amountMinor", 100, "currency", "CNY"),
                "k".repeat(201));
        assertProblem(response, 400, "Idempotency-Key", "201");
        assertProblem(buyer.post("/api/v1/wallet/top-ups", Map.of("amountMinor", 100, "currency", "CNY"), "   "), 400,
                "Idempotency-Key");
        assertThat(market.walletBalance(buyer)).isEqualTo(before);
        String key = "reused-" + MarketFixture.uniqueEmail("k");
        assertThat(buyer.post("/api/v1/wallet/top-ups", Map.of("amountMinor", 100, "currency", "CNY"), key).status())
                .isEqualTo(201);
        assertProblem(buyer.post("/api/v1/wallet/top-ups", Map.of("amountMinor", 200, "currency", "CNY"), key), 409,
                "different request");
        assertThat(market.walletBalance(buyer)).isEqualTo(before + 100);
    }

    @Test
    void overLongStringsAreNamed() {
        String long101 = "x".repeat(101);
        assertProblem(seller.api().create("/api/v1/stores", Map.of("name", long101, "kind", "TAOBAO")), 400, "name", "100");
        assertProblem(seller.api().create("/api/v1/stores/" + seller.storeId() + "/products",
                Map.of("title", "t".repeat(201), "categoryId", category, "skus", List.of(Map.of("priceMinor", 100)))),
                400, "title", "200");
        assertProblem(seller.api().create("/api/v1/stores/" + seller.storeId() + "/products",
                Map.of("title", "ok", "description", "d".repeat(20_001), "categoryId", category,
                        "skus", List.of(Map.of("priceMinor", 100)))), 400, "Description");
        assertProblem(market.anonymous().post("/api/v1/accounts", Map.of("email", MarketFixture.uniqueEmail("long"),
                "password", MarketFixture.PASSWORD, "displayName", long101, "role", "BUYER")), 400, "Display name");
        assertProblem(market.anonymous().post("/api/v1/accounts", Map.of("email", MarketFixture.uniqueEmail("long"),
                "password", "p".repeat(129), "displayName", "ok", "role", "BUYER")), 400, "Password");
        assertProblem(market.anonymous().post("/api/v1/accounts", Map.of("email", "a".repeat(300) + "@x.com",
                "password", MarketFixture.PASSWORD, "displayName", "ok", "role", "BUYER")), 400, "email");
        assertProblem(market.operator().create("/api/v1/operator/categories",
                Map.of("name", long101, "commissionBasisPoints", 10)), 400, "name", "100");
        long order = unpaidOrder(buyer);
        assertField(assertProblem(buyer.create("/api/v1/orders/" + order + "/cancellation",
                Map.of("reason", "r".repeat(501))), 400, "reason", "500"), "reason");
        assertThat(status(order)).isEqualTo("AWAITING_PAYMENT");
        long paid = market.paidOrder(buyer, sku, 1);
        assertProblem(seller.api().post("/api/v1/orders/" + paid + "/shipment",
                Map.of("carrier", "c".repeat(51), "trackingNumber", "SF1234567890")), 400, "Carrier", "50");
        assertProblem(seller.api().post("/api/v1/orders/" + paid + "/shipment",
                Map.of("carrier", "SF", "trackingNumber", "1".repeat(41))), 400, "Tracking number");
        assertThat(status(paid)).isEqualTo("PAID");
        assertField(assertProblem(buyer.create("/api/v1/orders/" + paid + "/refunds", Map.of("reason", "r".repeat(501))),
                400, "reason", "500"), "reason");
        assertThat(status(paid)).isEqualTo("PAID");
        long returned = delivered(market.paidOrder(buyer, sku, 1));
        long refund = buyer.create("/api/v1/orders/" + returned + "/refunds", Map.of("reason", "broken")).id();
        assertField(assertProblem(seller.api().create("/api/v1/refunds/" + refund + "/approval",
                Map.of("note", "n".repeat(501))), 400, "note", "500"), "note");
        assertField(assertProblem(seller.api().create("/api/v1/refunds/" + refund + "/rejection",
                Map.of("note", "n".repeat(501))), 400, "note", "500"), "note");
        assertThat(buyer.get("/api/v1/orders/" + returned).json().get("refunds").get(0).get("status").asString())
                .isEqualTo("REQUESTED");
    }

    @Test
    void aCheckoutShortOfStockOnItsSecondItemReservesNothingAndPlacesNoOrder() {
        long first = market.listedSku(seller, category, PRICE, 10);
        long second = market.listedSku(seller, category, PRICE, 2);
        Seller otherStore = market.seller("TAOBAO");
        long third = market.listedSku(otherStore, category, PRICE, 1);
        Api shopper = market.buyer(100_000);
        List<Long> ordersBefore = orderIds(shopper);

        Api.Response response = shopper.create("/api/v1/checkouts", checkout(first, 3, third, 1, second, 5));
        assertProblem(response, 409, "SKU " + second, "2 available", "5 requested");

        assertThat(market.available(first)).isEqualTo(10);
        assertThat(market.available(second)).isEqualTo(2);
        assertThat(market.available(third)).isEqualTo(1);
        assertThat(orderIds(shopper)).isEqualTo(ordersBefore).isEmpty();
        assertThat(market.walletBalance(shopper)).isEqualTo(100_000);
        assertThat(orderIds(otherStore.api())).isEmpty();
    }

    @Test
    void aDeclinedPaymentLeavesWalletOrderAndStockAsTheyWere() {
        long item = market.listedSku(seller, category, 5_000, 5);
        Api poor = market.buyer(4_999);
        Api.Response placed = market.checkout(poor, item, 1);
        assertThat(placed.status()).isEqualTo(201);
        long order = placed.json().get("orders").get(0).get("id").asLong();
        long checkoutId = placed.json().get("checkoutId").asLong();
        long escrowBefore = market.sellerBalance(seller.api(), "ESCROW");

        assertProblem(poor.create("/api/v1/orders/" + order + "/payment", null), 409, "Payment declined",
                "order " + order);
        assertProblem(poor.create("/api/v1/checkouts/" + checkoutId + "/payment", null), 409, "Payment declined");

        assertThat(market.walletBalance(poor)).isEqualTo(4_999);
        assertThat(market.sellerBalance(seller.api(), "ESCROW")).isEqualTo(escrowBefore);
        JsonNode unchanged = poor.get("/api/v1/orders/" + order).json();
        assertThat(unchanged.get("status").asString()).isEqualTo("AWAITING_PAYMENT");
        assertThat(unchanged.has("paidAt")).isFalse();
        assertThat(market.available(item)).isEqualTo(4);
        assertThat(poor.get("/api/v1/orders/" + order + "/postings").json()).isEmpty();

        // With enough money the same order pays, exactly once.
        market.topUp(poor, 1);
        assertThat(poor.create("/api/v1/orders/" + order + "/payment", null).status()).isEqualTo(200);
        assertThat(market.walletBalance(poor)).isZero();
    }

    @Test
    void emptyEntriesInListsAreNamedNotServerErrors() {
        String address = Api.JSON.writeValueAsString(MarketFixture.ADDRESS);
        long before = market.available(sku);
        assertField(assertProblem(buyer.raw("POST", "/api/v1/checkouts",
                "{\"address\":" + address + ",\"items\":[{\"skuId\":" + sku + ",\"quantity\":1},null]}"), 400,
                "items[1]"), "items[1]");
        assertThat(market.available(sku)).isEqualTo(before);
        long order = market.paidOrder(buyer, sku, 1);
        assertField(assertProblem(buyer.raw("POST", "/api/v1/orders/" + order + "/refunds",
                "{\"reason\":\"broken\",\"items\":[null]}"), 400, "items[0]"), "items[0]");
        assertThat(status(order)).isEqualTo("PAID");
        assertField(assertProblem(seller.api().raw("POST", "/api/v1/stores/" + seller.storeId() + "/products",
                "{\"title\":\"Ghost\",\"categoryId\":" + category + ",\"skus\":[null]}"), 400, "skus[0]"), "skus[0]");
        long product = market.anonymous().get("/api/v1/products?storeId=" + seller.storeId()).json().get("items").get(0)
                .get("id").asLong();
        assertField(assertProblem(seller.api().raw("PATCH", "/api/v1/products/" + product,
                "{\"title\":\"Renamed\",\"skus\":[{\"priceMinor\":5},null]}"), 400, "skus[1]"), "skus[1]");
        JsonNode unchanged = market.anonymous().get("/api/v1/products/" + product).json();
        assertThat(unchanged.get("title").asString()).isNotEqualTo("Renamed");
        assertThat(unchanged.get("skus")).hasSize(1);
        assertProblem(buyer.raw("POST", "/api/v1/checkouts", "{\"address\":" + address
                + ",\"items\":[{\"skuId\":" + sku + "}]}"), 400, "null");
        assertProblem(buyer.raw("POST", "/api/v1/checkouts", "{\"address\":" + address
                + ",\"items\":[{\"skuId\":" + sku + ",\"quantity\":99999999999999999999}]}"), 400, "out of range");
    }

    @Test
    void payingACheckoutIsAllOrNothingAcrossItsOrders() {
        Seller otherStore = market.seller("TAOBAO");
        long cheap = market.listedSku(seller, category, 1_000, 5);
        long dear = market.listedSku(otherStore, category, 3_000, 5);
        Api shopper = market.buyer(3_500);
        Api.Response placed = shopper.create("/api/v1/checkouts", checkout(cheap, 1, dear, 1));
        assertThat(placed.status()).as("%s", placed).isEqualTo(201);
        assertThat(placed.json().get("orders")).hasSize(2);
        long checkoutId = placed.json().get("checkoutId").asLong();
        long sellerEscrow = market.sellerBalance(seller.api(), "ESCROW");

        assertProblem(shopper.create("/api/v1/checkouts/" + checkoutId + "/payment", null), 409, "Payment declined");

        assertThat(market.walletBalance(shopper)).isEqualTo(3_500);
        assertThat(market.sellerBalance(seller.api(), "ESCROW")).isEqualTo(sellerEscrow);
        assertThat(market.sellerBalance(otherStore.api(), "ESCROW")).isZero();
        placed.json().get("orders").forEach(order -> assertThat(shopper.get("/api/v1/orders/" + order.get("id").asLong())
                .json().get("status").asString()).isEqualTo("AWAITING_PAYMENT"));
        assertThat(market.available(cheap)).isEqualTo(4);
        assertThat(market.available(dear)).isEqualTo(4);
    }

    @Test
    void aTopUpTheCardProviderDeclinesLeavesTheWalletEmpty() {
        Api fresh = market.account("BUYER");
        assertProblem(fresh.create("/api/v1/wallet/top-ups", Map.of("amountMinor", 5_000_001, "currency", "CNY")), 409,
                "declined");
        assertField(assertProblem(fresh.create("/api/v1/wallet/top-ups",
                Map.of("amountMinor", 10_000_000_01L, "currency", "CNY")), 400, "1000000001"), "amountMinor");
        assertThat(market.walletBalance(fresh)).isZero();
        Seller broke = market.seller("TAOBAO");
        assertProblem(broke.api().create("/api/v1/merchant/withdrawals", Map.of("amountMinor", 1, "currency", "CNY")),
                409, "Cannot withdraw");
        assertThat(market.sellerBalance(broke.api(), "MERCHANT")).isZero();
    }

    private static List<Long> orderIds(Api who) {
        Api.Response response = who.get("/api/v1/orders?size=100");
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        List<Long> ids = new java.util.ArrayList<>();
        response.json().forEach(order -> ids.add(order.get("id").asLong()));
        return ids;
    }
}
