package io.mercato;

import static io.mercato.AuthorizationMatrixIT.Who.ANONYMOUS;
import static io.mercato.AuthorizationMatrixIT.Who.BUYER;
import static io.mercato.AuthorizationMatrixIT.Who.OPERATOR;
import static io.mercato.AuthorizationMatrixIT.Who.OTHER_BUYER;
import static io.mercato.AuthorizationMatrixIT.Who.OTHER_SELLER;
import static io.mercato.AuthorizationMatrixIT.Who.SELLER;
import static org.assertj.core.api.Assertions.assertThat;

import io.mercato.MarketFixture.Seller;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Who may call what: every endpoint is tried anonymously, with a wrong role, as another buyer or seller than
 * the one the resource belongs to, and as its owner. Refusals must leave things as they were, which the owner's
 * successful call afterwards shows (it would fail if a refused call had changed the state).
 */
@MercatoTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixIT {

    enum Who {
        ANONYMOUS, BUYER, OTHER_BUYER, SELLER, OTHER_SELLER, OPERATOR
    }

    private static final long PRICE = 1_000;

    @LocalServerPort
    int port;

    @org.springframework.beans.factory.annotation.Autowired
    MutableClock clock;

    private MarketFixture market;
    private final Map<Who, Api> actors = new LinkedHashMap<>();
    private Seller seller;
    private Seller otherSeller;
    private long category;
    private long listedProduct;
    private long listedSku;

    @BeforeAll
    void createTheCast() {
        market = new MarketFixture(port);
        Api buyer = market.buyer(10_000_000);
        Api otherBuyer = market.buyer(10_000_000);
        seller = market.seller("TAOBAO");
        otherSeller = market.seller("TAOBAO");
        actors.put(ANONYMOUS, market.anonymous());
        actors.put(BUYER, buyer);
        actors.put(OTHER_BUYER, otherBuyer);
        actors.put(SELLER, seller.api());
        actors.put(OTHER_SELLER, otherSeller.api());
        actors.put(OPERATOR, market.operator());
        category = market.category(500);
        JsonNode product = market.listedProduct(seller, category,
                List.of(new MarketFixture.SkuSpec(Map.of("colour", "red"), PRICE, 100_000)));
        listedProduct = product.get("id").asLong();
        listedSku = product.get("skus").get(0).get("id").asLong();
    }

    /** One request against one endpoint, built when the case runs so each case gets fresh state. */
    record Call(String method, String path, @Nullable Object body) {
    }

    /**
     * A row of the matrix: the request and, in the order they are tried, who gets which status. Refusals come
     * first and the allowed caller last.
     */
    record Case(String name, Function<AuthorizationMatrixIT, Call> request, Map<Who, Integer> expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Map<Who, Integer> expect(Object... whoThenStatus) {
        Map<Who, Integer> map = new LinkedHashMap<>();
        for (int i = 0; i < whoThenStatus.length; i += 2) {
            map.put((Who) whoThenStatus[i], (Integer) whoThenStatus[i + 1]);
        }
        return map;
    }

    private static Case row(String name, Function<AuthorizationMatrixIT, Call> request, Object... whoThenStatus) {
        return new Case(name, request, expect(whoThenStatus));
    }

    Stream<Case> matrix() {
        List<Case> rows = new ArrayList<>();
        // Identity
        rows.add(row("register is public", t -> new Call("POST", "/api/v1/accounts", Map.of("email",
                MarketFixture.uniqueEmail("matrix"), "password", MarketFixture.PASSWORD, "displayName", "Matrix",
                "role", "BUYER")), ANONYMOUS, 201));
        rows.add(row("log in is public", t -> new Call("POST", "/api/v1/sessions", Map.of("email",
                MarketFixture.OPERATOR_EMAIL, "password", MarketFixture.OPERATOR_PASSWORD)), ANONYMOUS, 201));
        rows.add(row("who am I", t -> new Call("GET", "/api/v1/me", null),
                ANONYMOUS, 401, BUYER, 200, SELLER, 200, OPERATOR, 200));
        // Catalog: public reads
        rows.add(row("category tree is public", t -> new Call("GET", "/api/v1/categories", null), ANONYMOUS, 200, BUYER, 200));
        rows.add(row("brands are public", t -> new Call("GET", "/api/v1/brands", null), ANONYMOUS, 200));
        rows.add(row("browsing is public", t -> new Call("GET", "/api/v1/products", null), ANONYMOUS, 200));
        rows.add(row("a listed product is public", t -> new Call("GET", "/api/v1/products/" + t.listedProduct, null),
                ANONYMOUS, 200, OTHER_SELLER, 200));
        rows.add(row("availability is public", t -> new Call("GET", "/api/v1/products/availability?sku=" + t.listedSku, null),
                ANONYMOUS, 200));
        rows.add(row("a store is public", t -> new Call("GET", "/api/v1/stores/" + t.seller.storeId(), null), ANONYMOUS, 200));
        rows.add(row("a draft product is seen only by its seller and operators",
                t -> new Call("GET", "/api/v1/products/" + t.draftProduct(), null),
                ANONYMOUS, 404, BUYER, 404, OTHER_SELLER, 404, OPERATOR, 200, SELLER, 200));
        // Catalog: writes
        rows.add(row("only operators create categories", t -> new Call("POST", "/api/v1/operator/categories",
                Map.of("name", "Matrix category", "commissionBasisPoints", 100)),
                ANONYMOUS, 401, BUYER, 403, SELLER, 403, OPERATOR, 201));
        rows.add(row("buyers cannot create brands", t -> new Call("POST", "/api/v1/brands",
                Map.of("name", "Brand " + MarketFixture.uniqueEmail("b"))), ANONYMOUS, 401, BUYER, 403, SELLER, 201));
        rows.add(row("products are created only in one's own store",
                t -> new Call("POST", "/api/v1/stores/" + t.seller.storeId() + "/products", t.productDraft()),
                ANONYMOUS, 401, BUYER, 403, OTHER_SELLER, 403, SELLER, 201));
        rows.add(row("a store's product list (with drafts) is its seller's",
                t -> new Call("GET", "/api/v1/seller/stores/" + t.seller.storeId() + "/products", null),
                ANONYMOUS, 401, BUYER, 403, OTHER_SELLER, 403, SELLER, 200));
        rows.add(row("only the store's seller edits a product",
                t -> new Call("PATCH", "/api/v1/products/" + t.draftProduct(), Map.of("title", "Renamed")),
                ANONYMOUS, 401, BUYER, 403, OTHER_SELLER, 403, SELLER, 200));
        rows.add(row("only the store's seller lists a product",
                t -> new Call("POST", "/api/v1/products/" + t.draftProduct() + "/listing", null),
                ANONYMOUS, 401, BUYER, 403, OTHER_SELLER, 403, SELLER, 200));
        rows.add(row("only the store's seller delists a product",
                t -> new Call("POST", "/api/v1/products/" + t.draftProduct() + "/delisting", null),
                ANONYMOUS, 401, BUYER, 403, OTHER_SELLER, 403, SELLER, 200));
        rows.add(row("only the store's seller sets stock",
                t -> new Call("PUT", "/api/v1/skus/" + t.draftSku() + "/stock", Map.of("onHand", 7)),
                ANONYMOUS, 401, BUYER, 403, OTHER_SELLER, 403, SELLER, 200));
        // Stores
        rows.add(row("buyers cannot open stores", t -> new Call("POST", "/api/v1/stores",
                Map.of("name", "Matrix store", "kind", "TAOBAO")), ANONYMOUS, 401, BUYER, 403, OPERATOR, 403, SELLER, 201));
        rows.add(row("only operators open Supermarket stores", t -> new Call("POST", "/api/v1/stores",
                Map.of("name", "Matrix supermarket", "kind", "SUPERMARKET")), ANONYMOUS, 401, SELLER, 403, BUYER, 403,
                OPERATOR, 201));
        rows.add(row("one's own stores", t -> new Call("GET", "/api/v1/seller/stores", null), ANONYMOUS, 401, SELLER, 200));
        rows.add(row("only operators see stores by status", t -> new Call("GET", "/api/v1/operator/stores", null),
                ANONYMOUS, 401, BUYER, 403, SELLER, 403, OPERATOR, 200));
        rows.add(row("only operators verify stores",
                t -> new Call("POST", "/api/v1/operator/stores/" + t.pendingTmallStore() + "/verification",
                        Map.of("approved", true, "reason", "checked")),
                ANONYMOUS, 401, BUYER, 403, SELLER, 403, OTHER_SELLER, 403, OPERATOR, 200));
        // Cart and checkout
        rows.add(row("the cart is a buyer's", t -> new Call("GET", "/api/v1/cart", null),
                ANONYMOUS, 401, SELLER, 403, BUYER, 200));
        rows.add(row("only buyers fill carts", t -> new Call("PUT", "/api/v1/cart/items/" + t.listedSku, Map.of("quantity", 1)),
                ANONYMOUS, 401, SELLER, 403, OPERATOR, 403, BUYER, 200));
        rows.add(row("only buyers empty carts", t -> new Call("DELETE", "/api/v1/cart/items/" + t.listedSku, null),
                ANONYMOUS, 401, SELLER, 403, BUYER, 200));
        rows.add(row("only buyers check out", t -> new Call("POST", "/api/v1/checkouts", t.checkoutBody()),
                ANONYMOUS, 401, SELLER, 403, OPERATOR, 403, BUYER, 201));
        rows.add(row("only its buyer pays a checkout",
                t -> new Call("POST", "/api/v1/checkouts/" + t.placeOrder().get("checkoutId").asLong() + "/payment", null),
                ANONYMOUS, 401, OTHER_BUYER, 403, SELLER, 403, BUYER, 200));
        // Orders
        rows.add(row("an order is seen by its buyer, its seller and operators",
                t -> new Call("GET", "/api/v1/orders/" + t.paidOrder(), null),
                ANONYMOUS, 401, OTHER_BUYER, 403, OTHER_SELLER, 403, BUYER, 200, SELLER, 200, OPERATOR, 200));
        rows.add(row("an order's postings are seen by its parties only",
                t -> new Call("GET", "/api/v1/orders/" + t.paidOrder() + "/postings", null),
                ANONYMOUS, 401, OTHER_BUYER, 403, OTHER_SELLER, 403, SELLER, 200, BUYER, 200));
        rows.add(row("only its buyer pays an order", t -> new Call("POST", "/api/v1/orders/" + t.unpaidOrder() + "/payment", null),
                ANONYMOUS, 401, OTHER_BUYER, 403, SELLER, 403, OPERATOR, 403, BUYER, 200));
        rows.add(row("only its buyer cancels an order",
                t -> new Call("POST", "/api/v1/orders/" + t.unpaidOrder() + "/cancellation", Map.of("reason", "changed my mind")),
                ANONYMOUS, 401, OTHER_BUYER, 403, SELLER, 403, BUYER, 200));
        rows.add(row("only its buyer cancels (refunds) a paid order",
                t -> new Call("POST", "/api/v1/orders/" + t.paidOrder() + "/cancellation", null),
                ANONYMOUS, 401, OTHER_BUYER, 403, OTHER_SELLER, 403, BUYER, 200));
        rows.add(row("only its seller ships an order", t -> new Call("POST", "/api/v1/orders/" + t.paidOrder() + "/shipment",
                        Map.of("carrier", "SF Express", "trackingNumber", "SF1234567890")),
                ANONYMOUS, 401, BUYER, 403, OTHER_BUYER, 403, OTHER_SELLER, 403, SELLER, 200));
        rows.add(row("only its seller marks an order delivered",
                t -> new Call("POST", "/api/v1/orders/" + t.shippedOrder() + "/delivery", null),
                ANONYMOUS, 401, BUYER, 403, OTHER_SELLER, 403, SELLER, 200));
        rows.add(row("only its buyer confirms receipt",
                t -> new Call("POST", "/api/v1/orders/" + t.deliveredOrder() + "/receipt-confirmation", null),
                ANONYMOUS, 401, OTHER_BUYER, 403, SELLER, 403, OTHER_SELLER, 403, BUYER, 200));
        rows.add(row("only its buyer asks for a refund",
                t -> new Call("POST", "/api/v1/orders/" + t.paidOrder() + "/refunds", Map.of("reason", "wrong size")),
                ANONYMOUS, 401, OTHER_BUYER, 403, SELLER, 403, BUYER, 201));
        rows.add(row("only its buyer asks for a return",
                t -> new Call("POST", "/api/v1/orders/" + t.deliveredOrder() + "/refunds", Map.of("reason", "broken")),
                ANONYMOUS, 401, OTHER_BUYER, 403, OTHER_SELLER, 403, BUYER, 201));
        rows.add(row("only its seller approves a return",
                t -> new Call("POST", "/api/v1/refunds/" + t.requestedReturn() + "/approval", Map.of("note", "ok")),
                ANONYMOUS, 401, BUYER, 403, OTHER_BUYER, 403, OTHER_SELLER, 403, SELLER, 200));
        rows.add(row("only its seller rejects a return",
                t -> new Call("POST", "/api/v1/refunds/" + t.requestedReturn() + "/rejection", Map.of("note", "used")),
                ANONYMOUS, 401, BUYER, 403, OTHER_SELLER, 403, SELLER, 200));
        // Disputes (workbench)
        rows.add(row("only its buyer escalates a rejected return",
                t -> new Call("POST", t.disputePath(), Map.of("statement", "it was broken")),
                ANONYMOUS, 401, OTHER_BUYER, 403, SELLER, 403, OPERATOR, 403, BUYER, 201));
        rows.add(row("only the parties and operators see a dispute",
                t -> new Call("GET", "/api/v1/disputes/" + t.openDispute(), null),
                ANONYMOUS, 401, OTHER_BUYER, 404, OTHER_SELLER, 404, BUYER, 200, SELLER, 200, OPERATOR, 200));
        rows.add(row("only the parties state their case",
                t -> new Call("POST", "/api/v1/disputes/" + t.openDispute() + "/statement", Map.of("statement", "x")),
                ANONYMOUS, 401, OTHER_BUYER, 404, OTHER_SELLER, 404, OPERATOR, 403, SELLER, 200));
        rows.add(row("only operators decide a dispute",
                t -> new Call("POST", "/api/v1/disputes/" + t.openDispute() + "/decision", Map.of("outcome", "NONE")),
                ANONYMOUS, 401, BUYER, 403, SELLER, 403, OTHER_SELLER, 403, OPERATOR, 200));
        rows.add(row("dispute lists need a login", t -> new Call("GET", "/api/v1/disputes", null),
                ANONYMOUS, 401, BUYER, 200, SELLER, 200, OPERATOR, 200));
        rows.add(row("only operators run the order timers", t -> new Call("POST", "/api/v1/operator/order-timers", null),
                ANONYMOUS, 401, BUYER, 403, SELLER, 403, OPERATOR, 200));
        rows.add(row("order lists need a login", t -> new Call("GET", "/api/v1/orders", null),
                ANONYMOUS, 401, BUYER, 200, SELLER, 200, OPERATOR, 200));
        // Money
        rows.add(row("the wallet is a buyer's", t -> new Call("GET", "/api/v1/wallet", null),
                ANONYMOUS, 401, SELLER, 403, OPERATOR, 403, BUYER, 200));
        rows.add(row("only buyers top up", t -> new Call("POST", "/api/v1/wallet/top-ups",
                Map.of("amountMinor", 100, "currency", "CNY")), ANONYMOUS, 401, SELLER, 403, OPERATOR, 403, BUYER, 201));
        rows.add(row("the merchant balance is a seller's", t -> new Call("GET", "/api/v1/merchant/balance", null),
                ANONYMOUS, 401, BUYER, 403, SELLER, 200));
        rows.add(row("only sellers withdraw", t -> {
            t.settledOrder();
            return new Call("POST", "/api/v1/merchant/withdrawals", Map.of("amountMinor", 1, "currency", "CNY"));
        }, ANONYMOUS, 401, BUYER, 403, OPERATOR, 403, SELLER, 201));
        rows.add(row("statements need a login", t -> new Call("GET", "/api/v1/ledger/statement", null),
                ANONYMOUS, 401, BUYER, 200, SELLER, 200));
        rows.add(row("only operators read the trial balance", t -> new Call("GET", "/api/v1/operator/ledger/trial-balance", null),
                ANONYMOUS, 401, BUYER, 403, SELLER, 403, OPERATOR, 200));
        // Billing
        rows.add(row("only operators read fee rules", t -> new Call("GET", "/api/v1/operator/billing/fee-rules", null),
                ANONYMOUS, 401, BUYER, 403, SELLER, 403, OPERATOR, 200));
        rows.add(row("only operators add fee rule versions", t -> new Call("POST", "/api/v1/operator/billing/fee-rules",
                Map.of("kind", "SERVICE_FEE", "storeId", t.seller.storeId(), "rateBasisPoints", 60)),
                ANONYMOUS, 401, BUYER, 403, SELLER, 403, OPERATOR, 201));
        rows.add(row("only operators add rebate programmes", t -> new Call("POST", "/api/v1/operator/billing/rebates",
                Map.of("name", "Matrix rebate", "storeKind", "GLOBAL", "rebateBasisPoints", 100, "days", 1,
                        "currency", "GBP")),
                ANONYMOUS, 401, BUYER, 403, SELLER, 403, OPERATOR, 201));
        rows.add(row("only operators read the CMR report", t -> new Call("GET", "/api/v1/operator/billing/cmr", null),
                ANONYMOUS, 401, BUYER, 403, SELLER, 403, OPERATOR, 200));
        rows.add(row("a seller reads its own statement", t -> new Call("GET", "/api/v1/billing/statements", null),
                ANONYMOUS, 401, BUYER, 403, SELLER, 200));
        rows.add(row("a statement is its seller's and operators'", t -> new Call("GET",
                "/api/v1/billing/statements?sellerAccountId=" + t.market.accountId(t.seller.api()), null),
                ANONYMOUS, 401, BUYER, 403, OTHER_SELLER, 403, SELLER, 200, OPERATOR, 200));
        rows.add(row("a store's fee terms are its seller's and operators'",
                t -> new Call("GET", "/api/v1/billing/stores/" + t.seller.storeId() + "/terms", null),
                ANONYMOUS, 401, BUYER, 403, OTHER_SELLER, 403, SELLER, 200, OPERATOR, 200));
        rows.add(row("memberships are sellers' and operators'", t -> new Call("GET", "/api/v1/billing/memberships", null),
                ANONYMOUS, 401, BUYER, 403, SELLER, 200, OPERATOR, 200));
        // Ads
        rows.add(row("campaigns are created only for one's own products", t -> new Call("POST", "/api/v1/ads/campaigns",
                        Map.of("productId", t.listedProduct, "dailyBudgetMinor", 5_000, "targetRoi", 3)),
                ANONYMOUS, 401, BUYER, 403, OPERATOR, 403, OTHER_SELLER, 404, SELLER, 201));
        rows.add(row("a campaign is seen by its seller and operators",
                t -> new Call("GET", "/api/v1/ads/campaigns/" + t.campaign(), null),
                ANONYMOUS, 401, BUYER, 403, OTHER_SELLER, 404, OPERATOR, 200, SELLER, 200));
        rows.add(row("only its seller edits a campaign",
                t -> new Call("PUT", "/api/v1/ads/campaigns/" + t.campaign(), Map.of("dailyBudgetMinor", 6_000)),
                ANONYMOUS, 401, BUYER, 403, OTHER_SELLER, 404, OPERATOR, 403, SELLER, 200));
        rows.add(row("only its seller pauses a campaign",
                t -> new Call("POST", "/api/v1/ads/campaigns/" + t.campaign() + "/pause", null),
                ANONYMOUS, 401, BUYER, 403, OTHER_SELLER, 404, OPERATOR, 403, SELLER, 200));
        rows.add(row("a campaign's report and clicks are its seller's and operators'",
                t -> new Call("GET", "/api/v1/ads/campaigns/" + t.campaign() + "/report", null),
                ANONYMOUS, 401, BUYER, 403, OTHER_SELLER, 404, OPERATOR, 200, SELLER, 200));
        rows.add(row("the ad account is a seller's", t -> new Call("GET", "/api/v1/ads/account", null),
                ANONYMOUS, 401, BUYER, 403, OPERATOR, 403, SELLER, 200));
        rows.add(row("only sellers top up ad accounts", t -> new Call("POST", "/api/v1/ads/account/top-ups",
                        Map.of("amountMinor", 100, "currency", "CNY")),
                ANONYMOUS, 401, BUYER, 403, OPERATOR, 403));
        rows.add(row("sponsored results are public", t -> new Call("GET", "/api/v1/ads/serve?placement=FEED", null),
                ANONYMOUS, 200, BUYER, 200));
        rows.add(row("only operators see and set ad slots", t -> new Call("GET", "/api/v1/operator/ads/placements", null),
                ANONYMOUS, 401, BUYER, 403, SELLER, 403, OPERATOR, 200));
        // pricing
        rows.add(row("display prices are public", t -> new Call("GET", "/api/v1/pricing/display-prices?skuIds=" + t.listedSku, null),
                ANONYMOUS, 200, BUYER, 200));
        rows.add(row("coupons to claim are public", t -> new Call("GET", "/api/v1/pricing/coupon-pools?storeId="
                + t.seller.storeId(), null), ANONYMOUS, 200, SELLER, 200));
        rows.add(row("only buyers ask for a quote", t -> new Call("POST", "/api/v1/pricing/quotes",
                        Map.of("items", List.of(Map.of("skuId", t.listedSku, "quantity", 1)))),
                ANONYMOUS, 401, SELLER, 403, OPERATOR, 403, BUYER, 200));
        rows.add(row("a wallet of coupons is its buyer's", t -> new Call("GET", "/api/v1/pricing/coupons", null),
                ANONYMOUS, 401, SELLER, 403, OPERATOR, 403, BUYER, 200));
        rows.add(row("only buyers claim coupons", t -> new Call("POST", "/api/v1/pricing/coupon-pools/" + t.platformPool()
                + "/claims", null), ANONYMOUS, 401, SELLER, 403, OPERATOR, 403, BUYER, 201));
        rows.add(row("a store's coupon pools are its seller's and operators'", t -> new Call("GET",
                        "/api/v1/pricing/stores/" + t.seller.storeId() + "/coupon-pools", null),
                ANONYMOUS, 401, BUYER, 403, OTHER_SELLER, 403, OPERATOR, 200, SELLER, 200));
        rows.add(row("only its seller issues a store's coupons", t -> new Call("POST",
                        "/api/v1/pricing/stores/" + t.seller.storeId() + "/coupon-pools", t.pool("Matrix coupon")),
                ANONYMOUS, 401, BUYER, 403, OTHER_SELLER, 403, SELLER, 201));
        rows.add(row("a store's promotions are its seller's and operators'", t -> new Call("GET",
                        "/api/v1/pricing/stores/" + t.seller.storeId() + "/promotions", null),
                ANONYMOUS, 401, BUYER, 403, OTHER_SELLER, 403, OPERATOR, 200, SELLER, 200));
        rows.add(row("only its seller prices a SKU", t -> new Call("POST", "/api/v1/pricing/promotions", t.limitedTime()),
                ANONYMOUS, 401, BUYER, 403, OTHER_SELLER, 403, SELLER, 201));
        rows.add(row("only operators see and issue platform vouchers", t -> new Call("GET", "/api/v1/operator/pricing/vouchers", null),
                ANONYMOUS, 401, BUYER, 403, SELLER, 403, OPERATOR, 200));
        rows.add(row("only operators issue platform vouchers", t -> new Call("POST", "/api/v1/operator/pricing/vouchers",
                t.pool("Matrix voucher")), ANONYMOUS, 401, BUYER, 403, SELLER, 403, OPERATOR, 201));
        rows.add(row("only operators run threshold discounts", t -> new Call("GET", "/api/v1/operator/pricing/thresholds", null),
                ANONYMOUS, 401, BUYER, 403, SELLER, 403, OPERATOR, 200));
        rows.add(row("only operators create threshold discounts", t -> new Call("POST", "/api/v1/operator/pricing/thresholds",
                t.threshold()), ANONYMOUS, 401, BUYER, 403, SELLER, 403, OPERATOR, 201));
        rows.add(row("only operators see subsidised SKUs", t -> new Call("GET", "/api/v1/operator/pricing/subsidies", null),
                ANONYMOUS, 401, BUYER, 403, SELLER, 403, OPERATOR, 200));
        // Flash sales (each on a SKU of its own: a running sale takes its SKU out of ordinary checkout)
        rows.add(row("flash sales are public", t -> new Call("GET", "/api/v1/flash-sales", null), ANONYMOUS, 200, BUYER, 200));
        rows.add(row("a flash sale is public", t -> new Call("GET", "/api/v1/flash-sales/" + t.flashSale(), null),
                ANONYMOUS, 200, BUYER, 200));
        rows.add(row("only the SKU's seller or an operator schedules a flash sale",
                t -> new Call("POST", "/api/v1/flash-sales", t.flashSaleBody()),
                ANONYMOUS, 401, BUYER, 403, OTHER_SELLER, 403, SELLER, 201));
        rows.add(row("sellers and operators list the flash sales they manage",
                t -> new Call("GET", "/api/v1/flash-sales/managed", null),
                ANONYMOUS, 401, BUYER, 403, SELLER, 200, OPERATOR, 200));
        rows.add(row("only buyers try a flash sale", t -> new Call("POST", "/api/v1/flash-sales/" + t.flashSale() + "/attempts",
                Map.of("quantity", 1, "address", MarketFixture.ADDRESS)), ANONYMOUS, 401, SELLER, 403, OPERATOR, 403, BUYER, 201));
        rows.add(row("a buyer reads only their own flash-sale claims",
                t -> new Call("GET", "/api/v1/flash-sales/" + t.flashSale() + "/claims", null),
                ANONYMOUS, 401, SELLER, 403, BUYER, 200));
        rows.add(row("a flash sale's books are its seller's and operators'",
                t -> new Call("GET", "/api/v1/flash-sales/" + t.flashSale() + "/tally", null),
                ANONYMOUS, 401, BUYER, 403, OTHER_SELLER, 403, SELLER, 200, OPERATOR, 200));
        rows.add(row("only a flash sale's seller or an operator cancels it before it starts",
                t -> new Call("POST", "/api/v1/flash-sales/" + t.upcomingFlashSale() + "/cancellation", null),
                ANONYMOUS, 401, BUYER, 403, OTHER_SELLER, 403, SELLER, 200));
        // Festivals and presale
        rows.add(row("festivals are public", t -> new Call("GET", "/api/v1/festivals", null), ANONYMOUS, 200, BUYER, 200));
        rows.add(row("a festival and its enrolments are public",
                t -> new Call("GET", "/api/v1/festivals/" + t.festival() + "/enrolments", null), ANONYMOUS, 200, SELLER, 200));
        rows.add(row("only operators create festivals", t -> new Call("POST", "/api/v1/operator/festivals", t.festivalBody()),
                ANONYMOUS, 401, BUYER, 403, SELLER, 403, OPERATOR, 201));
        rows.add(row("only operators list every festival", t -> new Call("GET", "/api/v1/operator/festivals", null),
                ANONYMOUS, 401, BUYER, 403, SELLER, 403, OPERATOR, 200));
        rows.add(row("only operators let stores take part", t -> new Call("POST",
                "/api/v1/operator/festivals/" + t.festival() + "/stores", Map.of("storeId", t.seller.storeId())),
                ANONYMOUS, 401, BUYER, 403, SELLER, 403, OPERATOR, 200));
        rows.add(row("only the SKU's seller enrols it", t -> new Call("POST",
                "/api/v1/festivals/" + t.festivalWithStore() + "/enrolments", Map.of("skuId", t.listedSku)),
                ANONYMOUS, 401, BUYER, 403, OTHER_SELLER, 403, OPERATOR, 201));
        rows.add(row("only the SKU's seller (or an operator) withdraws it", t -> new Call("DELETE",
                "/api/v1/festivals/" + t.enrolledFestival() + "/enrolments/" + t.listedSku, null),
                ANONYMOUS, 401, BUYER, 403, OTHER_SELLER, 403, SELLER, 204));
        rows.add(row("only the SKU's seller puts it on presale", t -> new Call("POST",
                "/api/v1/festivals/" + t.enrolledFestival() + "/presales", Map.of("skuId", t.listedSku, "depositMinor", 100,
                        "worthMinor", 200, "unpaidRule", "REFUND")),
                ANONYMOUS, 401, BUYER, 403, OTHER_SELLER, 403, SELLER, 201));
        rows.add(row("a store's festivals are its seller's", t -> new Call("GET",
                "/api/v1/merchant/festivals?storeId=" + t.seller.storeId(), null),
                ANONYMOUS, 401, BUYER, 403, OTHER_SELLER, 403, SELLER, 200));
        rows.add(row("only buyers pay deposits", t -> new Call("POST", "/api/v1/presale-offers/" + t.presaleOffer() + "/deposits",
                Map.of("address", MarketFixture.ADDRESS)), ANONYMOUS, 401, SELLER, 403, OPERATOR, 403, BUYER, 201));
        rows.add(row("a presale is seen by its buyer, its seller and operators",
                t -> new Call("GET", "/api/v1/presales/" + t.presale(), null),
                ANONYMOUS, 401, OTHER_BUYER, 403, OTHER_SELLER, 403, BUYER, 200, SELLER, 200, OPERATOR, 200));
        rows.add(row("only its buyer is quoted the balance",
                t -> new Call("GET", "/api/v1/presales/" + t.presale() + "/final-quote", null),
                ANONYMOUS, 401, OTHER_BUYER, 403, SELLER, 403, BUYER, 200));
        rows.add(row("only its buyer pays the balance (not open yet)",
                t -> new Call("POST", "/api/v1/presales/" + t.presale() + "/final-payment", Map.of()),
                ANONYMOUS, 401, OTHER_BUYER, 403, SELLER, 403, OPERATOR, 403, BUYER, 409));
        rows.add(row("only operators issue a festival's vouchers", t -> new Call("POST",
                "/api/v1/operator/festivals/" + t.festival() + "/voucher-pools", t.festivalPoolBody()),
                ANONYMOUS, 401, BUYER, 403, SELLER, 403, OPERATOR, 201));
        rows.add(row("a festival's vouchers are public",
                t -> new Call("GET", "/api/v1/festivals/" + t.festival() + "/voucher-pools", null), ANONYMOUS, 200));
        rows.add(row("only operators run the presale timer", t -> new Call("POST", "/api/v1/operator/presale-timers", null),
                ANONYMOUS, 401, BUYER, 403, SELLER, 403, OPERATOR, 200));
        // Membership and reviews
        rows.add(row("points are a buyer's own", t -> new Call("GET", "/api/v1/membership/points", null),
                ANONYMOUS, 401, SELLER, 403, OPERATOR, 403, BUYER, 200));
        rows.add(row("only buyers check in", t -> new Call("POST", "/api/v1/membership/check-ins", null),
                ANONYMOUS, 401, SELLER, 403, OPERATOR, 403, BUYER, 201));
        rows.add(row("88VIP status is a buyer's own", t -> new Call("GET", "/api/v1/membership/vip", null),
                ANONYMOUS, 401, SELLER, 403, OPERATOR, 403, BUYER, 200));
        rows.add(row("only buyers join 88VIP", t -> new Call("POST", "/api/v1/membership/vip/joins", null),
                ANONYMOUS, 401, SELLER, 403, OPERATOR, 403, BUYER, 201));
        rows.add(row("only its buyer cancels an 88VIP term",
                t -> new Call("POST", "/api/v1/membership/vip/terms/" + t.vipTerm() + "/cancellation", null),
                ANONYMOUS, 401, OTHER_BUYER, 403, SELLER, 403, OPERATOR, 403, BUYER, 200));
        rows.add(row("only members renew 88VIP", t -> new Call("POST", "/api/v1/membership/vip/renewals", null),
                ANONYMOUS, 401, SELLER, 403, OPERATOR, 403, OTHER_BUYER, 409));
        rows.add(row("only buyers choose auto-renewal",
                t -> new Call("PUT", "/api/v1/membership/vip/auto-renew", Map.of("on", false)),
                ANONYMOUS, 401, SELLER, 403, OPERATOR, 403, BUYER, 200));
        rows.add(row("only operators see the membership figures",
                t -> new Call("GET", "/api/v1/operator/membership/figures", null),
                ANONYMOUS, 401, BUYER, 403, SELLER, 403, OPERATOR, 200));
        rows.add(row("only its buyer reviews an order's product", t -> {
            long order = t.deliveredOrder();
            long line = t.actors.get(BUYER).get("/api/v1/orders/" + order).json().get("lines").get(0).get("id").asLong();
            return new Call("POST", "/api/v1/orders/" + order + "/reviews", Map.of("lineId", line, "rating", 5));
        }, ANONYMOUS, 401, OTHER_BUYER, 403, SELLER, 403, OPERATOR, 403, BUYER, 201));
        rows.add(row("an order's reviews are seen by its parties only",
                t -> new Call("GET", "/api/v1/orders/" + t.paidOrder() + "/reviews", null),
                ANONYMOUS, 401, OTHER_BUYER, 403, OTHER_SELLER, 403, BUYER, 200, SELLER, 200, OPERATOR, 200));
        rows.add(row("a product's reviews are public",
                t -> new Call("GET", "/api/v1/products/" + t.listedProduct + "/reviews", null), ANONYMOUS, 200, BUYER, 200));
        // Reviews in full and favourites
        rows.add(row("only the reviewer follows a review up",
                t -> new Call("POST", "/api/v1/reviews/" + t.review() + "/follow-up", Map.of("text", "still good")),
                ANONYMOUS, 401, OTHER_BUYER, 404, SELLER, 403, OPERATOR, 403, BUYER, 200));
        rows.add(row("only the store's seller replies to a review",
                t -> new Call("POST", "/api/v1/reviews/" + t.review() + "/reply", Map.of("text", "thank you")),
                ANONYMOUS, 401, BUYER, 403, OTHER_SELLER, 404, OPERATOR, 403, SELLER, 200));
        rows.add(row("only operators hide a review",
                t -> new Call("POST", "/api/v1/reviews/" + t.review() + "/hide", Map.of("reason", "abuse")),
                ANONYMOUS, 401, BUYER, 403, SELLER, 403, OPERATOR, 200));
        rows.add(row("only operators show a hidden review again",
                t -> new Call("POST", "/api/v1/reviews/" + t.review() + "/unhide", null),
                ANONYMOUS, 401, BUYER, 403, SELLER, 403, OPERATOR, 200));
        rows.add(row("only operators list reviews for moderation", t -> new Call("GET", "/api/v1/reviews", null),
                ANONYMOUS, 401, BUYER, 403, SELLER, 403, OPERATOR, 200));
        rows.add(row("a store's reviews are listed for its sellers and operators",
                t -> new Call("GET", "/api/v1/stores/" + t.seller.storeId() + "/reviews", null),
                ANONYMOUS, 401, BUYER, 403, OTHER_SELLER, 403, SELLER, 200, OPERATOR, 200));
        rows.add(row("a store's ratings are public",
                t -> new Call("GET", "/api/v1/stores/" + t.seller.storeId() + "/rating", null), ANONYMOUS, 200, BUYER, 200));
        rows.add(row("a product's sorted reviews are public",
                t -> new Call("GET", "/api/v1/products/" + t.listedProduct + "/reviews/page?sort=LOWEST", null),
                ANONYMOUS, 200, SELLER, 200));
        rows.add(row("favourites are a buyer's own", t -> new Call("GET", "/api/v1/favourites", null),
                ANONYMOUS, 401, SELLER, 403, OPERATOR, 403, BUYER, 200));
        rows.add(row("only buyers keep a favourite product",
                t -> new Call("PUT", "/api/v1/favourites/products/" + t.listedProduct, Map.of()),
                ANONYMOUS, 401, SELLER, 403, OPERATOR, 403, BUYER, 204));
        rows.add(row("only buyers drop a favourite product",
                t -> new Call("DELETE", "/api/v1/favourites/products/" + t.listedProduct, null),
                ANONYMOUS, 401, SELLER, 403, OPERATOR, 403, BUYER, 204));
        rows.add(row("only buyers follow a store",
                t -> new Call("PUT", "/api/v1/favourites/stores/" + t.seller.storeId(), Map.of()),
                ANONYMOUS, 401, SELLER, 403, OPERATOR, 403, BUYER, 204));
        rows.add(row("only buyers unfollow a store",
                t -> new Call("DELETE", "/api/v1/favourites/stores/" + t.seller.storeId(), null),
                ANONYMOUS, 401, SELLER, 403, OPERATOR, 403, BUYER, 204));
        // Fulfillment
        rows.add(row("only operators see carriers", t -> new Call("GET", "/api/v1/operator/fulfillment/carriers", null),
                ANONYMOUS, 401, BUYER, 403, SELLER, 403, OPERATOR, 200));
        rows.add(row("only operators add carriers", t -> new Call("POST", "/api/v1/operator/fulfillment/carriers",
                Map.of("code", t.carrierCode(), "name", "Matrix Express")), ANONYMOUS, 401, BUYER, 403, SELLER, 403, OPERATOR, 201));
        rows.add(row("only operators rotate a carrier's secret",
                t -> new Call("POST", "/api/v1/operator/fulfillment/carriers/" + t.fulfillment().get("carrierId") + "/secret", null),
                ANONYMOUS, 401, BUYER, 403, SELLER, 403, OPERATOR, 200));
        rows.add(row("only operators add services", t -> new Call("POST", "/api/v1/operator/fulfillment/services",
                Map.of("carrierId", t.fulfillment().get("carrierId"), "code", t.carrierCode(), "kind", "STANDARD", "name", "Standard")),
                ANONYMOUS, 401, BUYER, 403, SELLER, 403, OPERATOR, 201));
        rows.add(row("only operators set and read lanes", t -> new Call("GET", "/api/v1/operator/fulfillment/lanes", null),
                ANONYMOUS, 401, BUYER, 403, SELLER, 403, OPERATOR, 200));
        rows.add(row("only operators add holidays", t -> new Call("POST", "/api/v1/operator/fulfillment/holidays",
                Map.of("country", "ZZ", "day", "2030-01-01", "name", "Matrix day")), ANONYMOUS, 401, BUYER, 403, SELLER, 403, OPERATOR, 201));
        rows.add(row("warehouses are added only for one's own store", t -> new Call("POST", "/api/v1/fulfillment/warehouses",
                Map.of("storeId", t.seller.storeId(), "name", "Matrix DC", "city", "Hangzhou", "province", "Zhejiang",
                        "country", "CN", "timeZone", "Asia/Shanghai", "cutoff", "16:00", "hub", false)),
                ANONYMOUS, 401, BUYER, 403, OTHER_SELLER, 403, SELLER, 201));
        rows.add(row("warehouses are sellers' and operators'", t -> new Call("GET", "/api/v1/fulfillment/warehouses", null),
                ANONYMOUS, 401, BUYER, 403, SELLER, 200, OPERATOR, 200));
        rows.add(row("only the store's seller sets its shipping template",
                t -> new Call("PUT", "/api/v1/fulfillment/stores/" + t.seller.storeId() + "/template", Map.of(
                        "warehouseId", t.fulfillment().get("warehouseId"), "serviceId", t.fulfillment().get("serviceId"),
                        "rates", List.of())),
                ANONYMOUS, 401, BUYER, 403, OTHER_SELLER, 403, SELLER, 200));
        rows.add(row("delivery promises are public", t -> {
            t.fulfillment();
            return new Call("GET", "/api/v1/fulfillment/promise?storeId=" + t.seller.storeId() + "&country=CN&province=Zhejiang", null);
        }, ANONYMOUS, 200, BUYER, 200));
        rows.add(row("an order's delivery is seen by its parties",
                t -> new Call("GET", "/api/v1/orders/" + t.paidOrder() + "/delivery", null),
                ANONYMOUS, 401, OTHER_BUYER, 403, OTHER_SELLER, 403, BUYER, 200, SELLER, 200, OPERATOR, 200));
        rows.add(row("only its seller packs an order's parcels", t -> {
            long order = t.paidOrderWithPromise();
            long line = t.actors.get(BUYER).get("/api/v1/orders/" + order).json().get("lines").get(0).get("id").asLong();
            return new Call("POST", "/api/v1/orders/" + order + "/parcels", Map.of("lines", List.of(Map.of("lineId", line, "quantity", 1))));
        }, ANONYMOUS, 401, BUYER, 403, OTHER_SELLER, 403, OPERATOR, 403, SELLER, 201));
        rows.add(row("parcel alerts are sellers' and operators'", t -> new Call("GET", "/api/v1/fulfillment/alerts", null),
                ANONYMOUS, 401, BUYER, 403, SELLER, 200, OPERATOR, 200));
        rows.add(row("only operators see refused webhooks", t -> new Call("GET", "/api/v1/operator/fulfillment/refused-webhooks", null),
                ANONYMOUS, 401, BUYER, 403, SELLER, 403, OPERATOR, 200));
        rows.add(row("only operators see and make consolidations", t -> new Call("GET", "/api/v1/operator/fulfillment/consolidations", null),
                ANONYMOUS, 401, BUYER, 403, SELLER, 403, OPERATOR, 200));
        rows.add(row("only operators read logistics metrics", t -> new Call("GET", "/api/v1/operator/fulfillment/metrics", null),
                ANONYMOUS, 401, BUYER, 403, SELLER, 403, OPERATOR, 200));
        rows.add(row("carriers sign instead of logging in: an unsigned event is refused for everyone",
                t -> new Call("POST", "/api/v1/carriers/" + t.fulfillment().get("carrierCode") + "/events", Map.of("eventId", "x")),
                ANONYMOUS, 401, BUYER, 401, SELLER, 401, OPERATOR, 401));
        rows.add(row("carriers sign their batches too: an unsigned batch is refused for everyone",
                t -> new Call("POST", "/api/v1/carriers/" + t.fulfillment().get("carrierCode") + "/event-batches",
                        Map.of("events", java.util.List.of())),
                ANONYMOUS, 401, BUYER, 401, SELLER, 401, OPERATOR, 401));
        rows.add(row("exchange rates are public", t -> new Call("GET", "/api/v1/fx/rates", null),
                ANONYMOUS, 200, BUYER, 200));
        rows.add(row("a currency's rate history is public", t -> new Call("GET", "/api/v1/fx/rates/EUR", null),
                ANONYMOUS, 200, SELLER, 200));
        rows.add(row("only operators see refused rate loads", t -> new Call("GET", "/api/v1/operator/fx/refused-loads", null),
                ANONYMOUS, 401, BUYER, 403, SELLER, 403, OPERATOR, 200));
        rows.add(row("a display currency is each signed-in account's own", t -> new Call("PUT", "/api/v1/fx/display-currency",
                Map.of("currency", "CNY")), ANONYMOUS, 401, BUYER, 200, SELLER, 200, OPERATOR, 200));
        rows.add(row("only buyers convert their wallet (an amount of zero reaches the rules)",
                t -> new Call("POST", "/api/v1/wallet/conversions", Map.of("amountMinor", 0, "currency", "CNY", "to", "EUR")),
                ANONYMOUS, 401, SELLER, 403, OPERATOR, 403, BUYER, 400));
        rows.add(row("VAT tables and import rules are public", t -> new Call("GET", "/api/v1/tax/vat-tables", null),
                ANONYMOUS, 200, BUYER, 200));
        rows.add(row("tax assessments are public", t -> new Call("GET", "/api/v1/tax/assessment?country=CN&goodsMinor=100&currency=CNY", null),
                ANONYMOUS, 200, SELLER, 200));
        rows.add(row("only operators add VAT tables (an empty one reaches the rules)", t -> new Call("POST",
                "/api/v1/operator/tax/vat-tables", Map.of("effectiveFrom", "2026-01-01", "rates", List.of())),
                ANONYMOUS, 401, BUYER, 403, SELLER, 403, OPERATOR, 400));
        rows.add(row("only operators set import rules", t -> new Call("PUT", "/api/v1/operator/tax/import-rules/AU",
                Map.of("currency", "USD", "thresholdMinor", 0, "basisPoints", 1000)),
                ANONYMOUS, 401, BUYER, 403, SELLER, 403, OPERATOR, 200));
        rows.add(row("only operators remove import rules (one that does not exist is a 404)",
                t -> new Call("DELETE", "/api/v1/operator/tax/import-rules/ZZ", null),
                ANONYMOUS, 401, BUYER, 403, SELLER, 403, OPERATOR, 404));
        rows.add(row("a settlement currency is a seller's own", t -> new Call("GET", "/api/v1/merchant/settlement-currency", null),
                ANONYMOUS, 401, BUYER, 403, OPERATOR, 403, SELLER, 200));
        rows.add(row("only sellers choose their settlement currency", t -> new Call("PUT",
                "/api/v1/merchant/settlement-currency", Map.of("currency", "CNY")),
                ANONYMOUS, 401, BUYER, 403, OPERATOR, 403, SELLER, 200));
        rows.add(row("pictures are uploaded by signed-in people only (an empty upload is bad input)",
                t -> new Call("POST", "/api/v1/images", Map.of()),
                ANONYMOUS, 401, BUYER, 400, SELLER, 400, OPERATOR, 400));
        rows.add(row("a picture's description is for signed-in people",
                t -> new Call("GET", "/api/v1/images/" + "0".repeat(64), null), ANONYMOUS, 401, BUYER, 404, SELLER, 404));
        rows.add(row("the region list is public", t -> new Call("GET", "/api/v1/regions", null), ANONYMOUS, 200, BUYER, 200));
        rows.add(row("an address book is its buyer's (an empty address is bad input)",
                t -> new Call("POST", "/api/v1/addresses", Map.of()), ANONYMOUS, 401, SELLER, 403, OPERATOR, 403, BUYER, 400));
        rows.add(row("only buyers read an address book", t -> new Call("GET", "/api/v1/addresses", null),
                ANONYMOUS, 401, SELLER, 403, BUYER, 200));
        // Instant commerce
        rows.add(row("instant stores and quotes need an account", t -> new Call("GET", "/api/v1/instant/stores", null),
                ANONYMOUS, 401, BUYER, 200));
        rows.add(row("only a local store's seller or operators set its delivery profile",
                t -> new Call("PUT", "/api/v1/instant/stores/" + t.seller.storeId(), Map.of("location", Map.of("lat", 30.27,
                        "lng", 120.15), "timeZone", "Asia/Shanghai", "opens", "00:00", "closes", "00:00", "prepMinutes", 5,
                        "zone", Map.of("radiusMetres", 3000), "deliveryFeeMinor", 500, "commissionBasisPoints", 500,
                        "riderPayMinor", 600, "subsidyMinor", 100)),
                ANONYMOUS, 401, BUYER, 403, OTHER_SELLER, 403, SELLER, 409));
        rows.add(row("only operators enrol riders", t -> new Call("POST", "/api/v1/instant/riders",
                Map.of("accountId", t.market.accountId(t.market.account("BUYER")), "name", "Matrix rider", "capacity", 2)),
                ANONYMOUS, 401, BUYER, 403, SELLER, 403, OPERATOR, 201));
        rows.add(row("only riders have tasks", t -> new Call("GET", "/api/v1/instant/riders/me/tasks", null),
                ANONYMOUS, 401, BUYER, 403, SELLER, 403, OPERATOR, 403));
        rows.add(row("only riders accept tasks", t -> new Call("POST", "/api/v1/instant/tasks/1/accept", null),
                ANONYMOUS, 401, BUYER, 403, SELLER, 403, OPERATOR, 403));
        rows.add(row("only buyers ask for an instant delivery", t -> new Call("POST", "/api/v1/instant/deliveries",
                Map.of("orderId", 1, "lat", 30.27, "lng", 120.15)), ANONYMOUS, 401, SELLER, 403, OPERATOR, 403));
        rows.add(row("only operators see the instant board", t -> new Call("GET", "/api/v1/operator/instant/board", null),
                ANONYMOUS, 401, BUYER, 403, SELLER, 403, OPERATOR, 200));
        rows.add(row("only operators read instant unit economics",
                t -> new Call("GET", "/api/v1/operator/instant/economics", null),
                ANONYMOUS, 401, BUYER, 403, SELLER, 403, OPERATOR, 200));
        rows.add(row("only operators run a dispatch round", t -> new Call("POST", "/api/v1/operator/instant/dispatch", null),
                ANONYMOUS, 401, BUYER, 403, SELLER, 403, OPERATOR, 200));
        // Market simulator (no row starts a run: a run holds the clock of the whole platform while it works)
        rows.add(row("only operators list simulation runs", t -> new Call("GET", "/api/v1/operator/simulations", null),
                ANONYMOUS, 401, BUYER, 403, SELLER, 403, OPERATOR, 200));
        rows.add(row("only operators start simulation runs", t -> new Call("POST", "/api/v1/operator/simulations",
                Map.of("seed", 1, "consumers", 0, "merchants", 2, "days", 1)),
                ANONYMOUS, 401, BUYER, 403, SELLER, 403, OPERATOR, 400));
        rows.add(row("only operators read a simulation run", t -> new Call("GET", "/api/v1/operator/simulations/999999", null),
                ANONYMOUS, 401, BUYER, 403, SELLER, 403, OPERATOR, 404));
        rows.add(row("only operators read a simulation's days",
                t -> new Call("GET", "/api/v1/operator/simulations/999999/days", null),
                ANONYMOUS, 401, BUYER, 403, SELLER, 403, OPERATOR, 404));
        rows.add(row("only operators stop simulation runs",
                t -> new Call("POST", "/api/v1/operator/simulations/999999/stop", null),
                ANONYMOUS, 401, BUYER, 403, SELLER, 403, OPERATOR, 404));
        rows.add(row("only operators resume simulation runs",
                t -> new Call("POST", "/api/v1/operator/simulations/999999/resume", null),
                ANONYMOUS, 401, BUYER, 403, SELLER, 403, OPERATOR, 404));
        // insights
        for (String path : List.of("/api/v1/operator/insights/kpis", "/api/v1/operator/insights/segments", "/api/v1/operator/insights/cohorts",
                "/api/v1/operator/insights/funnel", "/api/v1/operator/insights/quarters/2026Q4")) {
            rows.add(row("only operators read " + path, t -> new Call("GET", path, null),
                    ANONYMOUS, 401, BUYER, 403, SELLER, 403, OPERATOR, 200));
        }
        rows.add(row("only operators fold the insights roll-ups", t -> new Call("POST", "/api/v1/operator/insights/roll-up", null),
                ANONYMOUS, 401, BUYER, 403, SELLER, 403, OPERATOR, 200));
        rows.add(row("only operators recompute the insights roll-ups",
                t -> new Call("POST", "/api/v1/operator/insights/recompute", null),
                ANONYMOUS, 401, BUYER, 403, SELLER, 403, OPERATOR, 200));
        // assistant
        rows.add(row("only buyers ask the assistant", t -> new Call("POST", "/api/v1/assistant/questions",
                Map.of("question", "hello")), ANONYMOUS, 401, BUYER, 200, SELLER, 403, OPERATOR, 403));
        rows.add(row("a refund proposal is confirmed only by its buyer",
                t -> new Call("POST", "/api/v1/assistant/refund-proposals/999999999/confirmation", null),
                ANONYMOUS, 401, BUYER, 404, SELLER, 403, OPERATOR, 403));
        rows.add(row("the shopping guide answers signed-in people", t -> new Call("GET", "/api/v1/assistant/guide?q=shoes", null),
                ANONYMOUS, 401, BUYER, 200, SELLER, 200));
        rows.add(row("the listing copilot is sellers'", t -> new Call("POST", "/api/v1/seller/assistant/listing-drafts",
                Map.of("product", "Mug")), ANONYMOUS, 401, BUYER, 403, SELLER, 200, OPERATOR, 200));
        rows.add(row("the weekly report is a seller's own", t -> new Call("GET", "/api/v1/seller/assistant/weekly-report", null),
                ANONYMOUS, 401, BUYER, 403, SELLER, 200, OPERATOR, 403));
        rows.add(row("hand-overs are sellers' and operators'", t -> new Call("GET", "/api/v1/seller/assistant/handovers", null),
                ANONYMOUS, 401, BUYER, 403, SELLER, 200, OPERATOR, 200));
        rows.add(row("a store's assistant switch is its seller's",
                t -> new Call("PUT", "/api/v1/seller/stores/" + t.seller.storeId() + "/assistant", Map.of("modelEnabled", true)),
                ANONYMOUS, 401, BUYER, 403, OTHER_SELLER, 403, SELLER, 200));
        return rows.stream();
    }

    private @Nullable Long platformPool;

    Map<String, Object> pool(String name) {
        java.time.Instant now = clock.instant();
        return Map.of("name", name, "amountOff", Map.of("minor", 100, "currency", "CNY"),
                "threshold", Map.of("minor", 1_000, "currency", "CNY"), "totalLimit", 1_000, "perBuyerLimit", 1,
                "claimFrom", now.minusSeconds(60).toString(), "claimUntil", now.plus(java.time.Duration.ofDays(2)).toString());
    }

    long platformPool() {
        if (platformPool == null) {
            platformPool = market.operator().create("/api/v1/operator/pricing/vouchers", pool("Matrix claims"))
                    .json().get("poolId").asLong();
        }
        return platformPool;
    }

    /** A discount starting tomorrow, so that it changes no price the other rows pay. */
    Map<String, Object> limitedTime() {
        java.time.Instant now = clock.instant();
        return Map.of("kind", "LIMITED_TIME", "name", "Matrix discount", "skuId", listedSku, "percentOffBasisPoints", 1_000,
                "startsAt", now.plus(java.time.Duration.ofDays(1)).toString(),
                "endsAt", now.plus(java.time.Duration.ofDays(2)).toString());
    }

    /** For a festival no SKU is enrolled in, so that it changes no price the other rows pay. */
    Map<String, Object> threshold() {
        java.time.Instant now = clock.instant();
        return Map.of("name", "Matrix threshold", "step", Map.of("minor", 30_000, "currency", "CNY"),
                "off", Map.of("minor", 5_000, "currency", "CNY"), "cap", Map.of("minor", 5_000, "currency", "CNY"),
                "festivalId", 999_999, "startsAt", now.toString(), "endsAt", now.plus(java.time.Duration.ofDays(1)).toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("matrix")
    void everyEndpointAnswersEachCallerAsExpected(Case row) {
        Call call = row.request().apply(this);
        for (var expectation : row.expected().entrySet()) {
            Api.Response response = send(actors.get(expectation.getKey()), call);
            assertThat(response.status()).as("%s %s as %s: %s", call.method(), call.path(), expectation.getKey(), response)
                    .isEqualTo(expectation.getValue());
            if (response.status() >= 400) {
                assertThat(response.contentType()).as("problem details for %s", expectation.getKey())
                        .startsWith("application/problem+json");
            }
        }
    }

    @Test
    void loggingOutEndsTheSessionAndNeedsOne() {
        Api buyer = market.account("BUYER");
        assertThat(market.anonymous().delete("/api/v1/sessions/current").status()).isEqualTo(401);
        assertThat(buyer.get("/api/v1/me").status()).isEqualTo(200);
        assertThat(buyer.delete("/api/v1/sessions/current").status()).isEqualTo(204);
        assertThat(buyer.get("/api/v1/me").status()).isEqualTo(401);
        assertThat(market.anonymous().as("not-a-token").get("/api/v1/me").status()).isEqualTo(401);
    }

    @Test
    void orderListsShowOnlyTheCallersOwnOrders() {
        long mine = paidOrder();
        Seller third = market.seller("TAOBAO");
        long otherSku = market.listedSku(third, category, PRICE, 100);
        long othersOrder = market.paidOrder(actors.get(OTHER_BUYER), otherSku, 1);
        long buyerId = market.accountId(actors.get(BUYER));
        long otherBuyerId = market.accountId(actors.get(OTHER_BUYER));

        List<Long> buyersView = ids(actors.get(BUYER).get("/api/v1/orders?size=100"));
        assertThat(buyersView).contains(mine).doesNotContain(othersOrder);
        assertThat(orders(actors.get(BUYER).get("/api/v1/orders?size=100")))
                .allSatisfy(order -> assertThat(order.get("buyerAccountId").asLong()).isEqualTo(buyerId));
        // Asking for someone else's orders by filter must not widen the view.
        List<JsonNode> sneaky = orders(actors.get(BUYER).get("/api/v1/orders?size=100&buyerId=" + otherBuyerId));
        assertThat(sneaky).allSatisfy(order -> assertThat(order.get("buyerAccountId").asLong()).isEqualTo(buyerId));
        assertThat(ids(actors.get(BUYER).get("/api/v1/orders?size=100&storeId=" + third.storeId()))).isEmpty();

        long sellerId = market.accountId(seller.api());
        List<JsonNode> sellersView = orders(seller.api().get("/api/v1/orders?size=100"));
        assertThat(sellersView).extracting(order -> order.get("id").asLong()).contains(mine).doesNotContain(othersOrder);
        assertThat(sellersView).allSatisfy(order -> assertThat(order.get("sellerAccountId").asLong()).isEqualTo(sellerId));
        assertThat(ids(seller.api().get("/api/v1/orders?size=100&storeId=" + third.storeId()))).isEmpty();
        assertThat(ids(otherSeller.api().get("/api/v1/orders?size=100&storeId=" + seller.storeId()))).isEmpty();
        assertThat(ids(third.api().get("/api/v1/orders?size=100"))).contains(othersOrder).doesNotContain(mine);

        assertThat(ids(actors.get(OPERATOR).get("/api/v1/orders?size=100&buyerId=" + otherBuyerId)))
                .contains(othersOrder).doesNotContain(mine);
    }

    @Test
    void aDraftProductStaysOutOfPublicListings() {
        long draft = draftProduct();
        Api.Response page = market.anonymous().get("/api/v1/products?storeId=" + seller.storeId() + "&size=100");
        assertThat(page.status()).isEqualTo(200);
        assertThat(productIds(page)).contains(listedProduct).doesNotContain(draft);
        Api.Response sellerView = seller.api().get("/api/v1/seller/stores/" + seller.storeId() + "/products?size=100");
        assertThat(productIds(sellerView)).contains(draft, listedProduct);
        Api.Response othersView = otherSeller.api().get("/api/v1/products?storeId=" + seller.storeId() + "&size=100");
        assertThat(productIds(othersView)).doesNotContain(draft);
    }

    private static List<Long> productIds(Api.Response page) {
        assertThat(page.status()).as("%s", page).isEqualTo(200);
        List<Long> ids = new ArrayList<>();
        page.json().get("items").forEach(product -> ids.add(product.get("id").asLong()));
        return ids;
    }

    private static Api.Response send(Api api, Call call) {
        if (call.method().equals("POST")) {
            return api.create(call.path(), call.body());
        }
        return switch (call.method()) {
            case "GET" -> api.get(call.path());
            case "PUT" -> api.put(call.path(), call.body());
            case "PATCH" -> api.patch(call.path(), call.body());
            case "DELETE" -> api.delete(call.path());
            default -> throw new IllegalArgumentException(call.method());
        };
    }

    private static List<JsonNode> orders(Api.Response response) {
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        List<JsonNode> list = new ArrayList<>();
        response.json().forEach(list::add);
        return list;
    }

    private static List<Long> ids(Api.Response response) {
        return orders(response).stream().map(order -> order.get("id").asLong()).toList();
    }

    // State builders, each making fresh resources for one row.

    Map<String, Object> productDraft() {
        return Map.of("title", "Matrix product", "categoryId", category, "skus",
                List.of(Map.of("attributes", Map.of("size", "M"), "priceMinor", PRICE, "initialStock", 10)));
    }

    private JsonNode draftJson() {
        Api.Response created = seller.api().create("/api/v1/stores/" + seller.storeId() + "/products", productDraft());
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        return created.json();
    }

    long campaign() {
        return seller.api().create("/api/v1/ads/campaigns", Map.of("productId", listedProduct, "dailyBudgetMinor", 5_000,
                "targetRoi", 3)).id();
    }

    long draftProduct() {
        return draftJson().get("id").asLong();
    }

    long draftSku() {
        return draftJson().get("skus").get(0).get("id").asLong();
    }

    long pendingTmallStore() {
        Api.Response store = seller.api().create("/api/v1/stores", Map.of("name", "Matrix Tmall", "kind", "TMALL"));
        assertThat(store.status()).as("%s", store).isEqualTo(201);
        return store.id();
    }

    Map<String, Object> checkoutBody() {
        return Map.of("address", MarketFixture.ADDRESS, "items", List.of(Map.of("skuId", listedSku, "quantity", 1)));
    }

    JsonNode placeOrder() {
        Api.Response placed = market.checkout(actors.get(BUYER), listedSku, 1);
        assertThat(placed.status()).as("%s", placed).isEqualTo(201);
        return placed.json();
    }

    long unpaidOrder() {
        return placeOrder().get("orders").get(0).get("id").asLong();
    }

    long paidOrder() {
        return market.paidOrder(actors.get(BUYER), listedSku, 1);
    }

    private final Map<String, Object> fulfillment = new LinkedHashMap<>();

    /** A carrier with a service and a lane, and the seller's warehouse and template on it, made once. */
    Map<String, Object> fulfillment() {
        if (fulfillment.isEmpty()) {
            Api operator = actors.get(OPERATOR);
            String code = carrierCode();
            JsonNode carrier = operator.create("/api/v1/operator/fulfillment/carriers", Map.of("code", code, "name", "Matrix")).json();
            long carrierId = carrier.get("carrier").get("id").asLong();
            long serviceId = operator.create("/api/v1/operator/fulfillment/services", Map.of("carrierId", carrierId,
                    "code", "ND", "kind", "NEXT_DAY", "name", "Next day")).id();
            assertThat(operator.put("/api/v1/operator/fulfillment/lanes", Map.of("serviceId", serviceId, "origin", "CN-ZHEJIANG",
                    "destination", "CN", "transitDays", 1)).status()).isEqualTo(200);
            long warehouseId = seller.api().create("/api/v1/fulfillment/warehouses", Map.of("storeId", seller.storeId(),
                    "name", "Matrix DC", "city", "Hangzhou", "province", "Zhejiang", "country", "CN",
                    "timeZone", "Asia/Shanghai", "cutoff", "16:00", "hub", false)).id();
            Api.Response template = seller.api().put("/api/v1/fulfillment/stores/" + seller.storeId() + "/template",
                    Map.of("warehouseId", warehouseId, "serviceId", serviceId, "rates", List.of()));
            assertThat(template.status()).as("%s", template).isEqualTo(200);
            fulfillment.putAll(Map.of("carrierId", carrierId, "carrierCode", code, "serviceId", serviceId, "warehouseId", warehouseId));
        }
        return fulfillment;
    }

    String carrierCode() {
        return "M" + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase(java.util.Locale.ROOT);
    }

    long paidOrderWithPromise() {
        fulfillment();
        return paidOrder();
    }

    long shippedOrder() {
        long order = paidOrder();
        Api.Response shipped = seller.api().post("/api/v1/orders/" + order + "/shipment",
                Map.of("carrier", "SF Express", "trackingNumber", "SF1234567890"));
        assertThat(shipped.status()).as("%s", shipped).isEqualTo(200);
        return order;
    }

    /** The buyer's current 88VIP term (joining first if need be). */
    long vipTerm() {
        Api.Response joined = actors.get(BUYER).create("/api/v1/membership/vip/joins", null);
        assertThat(joined.status()).as("%s", joined).isIn(200, 201);
        return joined.id();
    }

    long deliveredOrder() {
        long order = shippedOrder();
        Api.Response delivered = seller.api().post("/api/v1/orders/" + order + "/delivery", null);
        assertThat(delivered.status()).as("%s", delivered).isEqualTo(200);
        return order;
    }

    /** A review by the buyer of a delivered order of the seller's store. */
    long review() {
        long order = deliveredOrder();
        long line = actors.get(BUYER).get("/api/v1/orders/" + order).json().get("lines").get(0).get("id").asLong();
        Api.Response posted = actors.get(BUYER).create("/api/v1/orders/" + order + "/reviews",
                Map.of("lineId", line, "rating", 3, "description", 4, "service", 4, "logistics", 4));
        assertThat(posted.status()).as("%s", posted).isEqualTo(201);
        return posted.id();
    }

    long requestedReturn() {
        long order = deliveredOrder();
        Api.Response refund = actors.get(BUYER).create("/api/v1/orders/" + order + "/refunds", Map.of("reason", "broken"));
        assertThat(refund.status()).as("%s", refund).isEqualTo(201);
        return refund.id();
    }

    /** A delivered order whose return the seller rejected: {order id, refund id}. */
    long[] rejectedReturn() {
        long refund = requestedReturn();
        Api.Response rejected = seller.api().post("/api/v1/refunds/" + refund + "/rejection", Map.of("note", "used"));
        assertThat(rejected.status()).as("%s", rejected).isEqualTo(200);
        return new long[] {rejected.json().get("orderId").asLong(), refund};
    }

    String disputePath() {
        long[] rejected = rejectedReturn();
        return "/api/v1/orders/" + rejected[0] + "/refunds/" + rejected[1] + "/dispute";
    }

    long openDispute() {
        long[] rejected = rejectedReturn();
        Api.Response opened = actors.get(BUYER).create("/api/v1/orders/" + rejected[0] + "/refunds/" + rejected[1]
                + "/dispute", Map.of("statement", "it arrived broken"));
        assertThat(opened.status()).as("%s", opened).isEqualTo(201);
        return opened.id();
    }

    long settledOrder() {
        long order = deliveredOrder();
        Api.Response confirmed = actors.get(BUYER).post("/api/v1/orders/" + order + "/receipt-confirmation", null);
        assertThat(confirmed.status()).as("%s", confirmed).isEqualTo(200);
        return order;
    }

    // Festivals: one with a presale window open now for a day, then its final window the day after.

    Map<String, Object> festivalBody() {
        java.time.Instant now = clock.instant();
        java.time.Duration day = java.time.Duration.ofDays(1);
        return Map.of("nameEn", "Matrix festival", "nameZh", "矩阵节", "startsAt", now.plus(day).toString(),
                "endsAt", now.plus(day.multipliedBy(3)).toString(), "presaleFrom", now.toString(),
                "presaleUntil", now.plus(day).toString(), "finalFrom", now.plus(day).toString(),
                "finalUntil", now.plus(day.multipliedBy(2)).toString());
    }

    Map<String, Object> festivalPoolBody() {
        java.time.Instant now = clock.instant();
        return Map.of("name", "Matrix voucher", "amountOffMinor", 1_000, "thresholdMinor", 10_000, "totalLimit", 10,
                "claimFrom", now.toString(), "claimUntil", now.plus(java.time.Duration.ofDays(1)).toString(),
                "validFrom", now.toString(), "validUntil", now.plus(java.time.Duration.ofDays(2)).toString());
    }

    /** A running flash sale on a new SKU of the seller's store. */
    Map<String, Object> flashSaleBody() {
        long sku = market.listedProduct(seller, category, List.of(new MarketFixture.SkuSpec(Map.of("colour", "blue"),
                PRICE, 100))).get("skus").get(0).get("id").asLong();
        return Map.of("skuId", sku, "priceMinor", PRICE / 2, "quantity", 50, "perBuyerLimit", 5,
                "startsAt", clock.instant().toString(), "endsAt", clock.instant().plus(java.time.Duration.ofDays(3)).toString());
    }

    long flashSale() {
        Api.Response created = seller.api().create("/api/v1/flash-sales", flashSaleBody());
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        return created.id();
    }

    /** A flash sale of the seller's that starts tomorrow. */
    long upcomingFlashSale() {
        Map<String, Object> body = new java.util.HashMap<>(flashSaleBody());
        body.put("startsAt", clock.instant().plus(java.time.Duration.ofDays(1)).toString());
        Api.Response created = seller.api().create("/api/v1/flash-sales", body);
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        return created.id();
    }

    long festival() {
        Api.Response created = actors.get(OPERATOR).create("/api/v1/operator/festivals", festivalBody());
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        return created.id();
    }

    long festivalWithStore() {
        long festival = festival();
        Api.Response joined = actors.get(OPERATOR).create("/api/v1/operator/festivals/" + festival + "/stores",
                Map.of("storeId", seller.storeId()));
        assertThat(joined.status()).as("%s", joined).isEqualTo(200);
        return festival;
    }

    long enrolledFestival() {
        long festival = festivalWithStore();
        Api.Response enrolled = seller.api().create("/api/v1/festivals/" + festival + "/enrolments", Map.of("skuId", listedSku));
        assertThat(enrolled.status()).as("%s", enrolled).isEqualTo(201);
        return festival;
    }

    long presaleOffer() {
        long festival = enrolledFestival();
        Api.Response offer = seller.api().create("/api/v1/festivals/" + festival + "/presales", Map.of("skuId", listedSku,
                "depositMinor", 100, "worthMinor", 200, "unpaidRule", "REFUND", "perBuyerLimit", 100));
        assertThat(offer.status()).as("%s", offer).isEqualTo(201);
        return offer.id();
    }

    long presale() {
        Api.Response deposit = actors.get(BUYER).create("/api/v1/presale-offers/" + presaleOffer() + "/deposits",
                Map.of("address", MarketFixture.ADDRESS));
        assertThat(deposit.status()).as("%s", deposit).isEqualTo(201);
        return deposit.id();
    }
}
