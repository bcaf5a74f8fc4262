package io.mercato.disputes;

import static org.assertj.core.api.Assertions.assertThat;

import io.mercato.Api;
import io.mercato.MarketFixture;
import io.mercato.MarketFixture.Seller;
import io.mercato.MercatoTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Disputes over rejected returns, over the API: who sees them, what the decision pays, and only once. */
@MercatoTest
class DisputesIT {

    private static final long PRICE = 3_000;

    @LocalServerPort
    int port;

    private MarketFixture market;
    private Api buyer;
    private Seller seller;
    private long sku;

    @BeforeEach
    void cast() {
        market = new MarketFixture(port);
        buyer = market.buyer(1_000_000);
        seller = market.seller("TAOBAO");
        sku = market.listedSku(seller, market.category(500), PRICE, 100);
    }

    /** A delivered order of three units whose return of {@code units} the seller rejected; answers order and refund. */
    private long[] rejectedReturn(long units) {
        long orderId = market.paidOrder(buyer, sku, 3);
        assertThat(seller.api().post("/api/v1/orders/" + orderId + "/shipment",
                Map.of("carrier", "SF Express", "trackingNumber", "SF9000000009")).status()).isEqualTo(200);
        assertThat(seller.api().post("/api/v1/orders/" + orderId + "/delivery", null).status()).isEqualTo(200);
        long lineId = buyer.get("/api/v1/orders/" + orderId).json().get("lines").get(0).get("id").asLong();
        Api.Response requested = buyer.create("/api/v1/orders/" + orderId + "/refunds", Map.of("reason", "cracked",
                "items", List.of(Map.of("lineId", lineId, "quantity", units))));
        assertThat(requested.status()).as("%s", requested).isEqualTo(201);
        long refundId = requested.id();
        assertThat(seller.api().post("/api/v1/refunds/" + refundId + "/rejection", Map.of("note", "not cracked"))
                .status()).isEqualTo(200);
        return new long[] {orderId, refundId, lineId};
    }

    @Test
    void aFullRefundDecisionPaysTheBuyerBackOnceAndOnlyThePartiesSeeTheDispute() {
        long[] rejected = rejectedReturn(2);
        long walletBefore = market.walletBalance(buyer);
        Api.Response opened = buyer.create("/api/v1/orders/" + rejected[0] + "/refunds/" + rejected[1] + "/dispute",
                Map.of("statement", "Two cups arrived in pieces; photos sent to the seller."));
        assertThat(opened.status()).as("%s", opened).isEqualTo(201);
        long disputeId = opened.id();
        assertThat(opened.json().get("claimedMinor").asLong()).isEqualTo(2 * PRICE);

        assertThat(market.buyer(0).get("/api/v1/disputes/" + disputeId).status()).isEqualTo(404);
        assertThat(market.seller("TAOBAO").api().get("/api/v1/disputes/" + disputeId).status()).isEqualTo(404);
        assertThat(market.seller("TAOBAO").api().get("/api/v1/disputes").json()).isEmpty();
        assertThat(seller.api().post("/api/v1/disputes/" + disputeId + "/decision", Map.of("outcome", "FULL"))
                .status()).isEqualTo(403);
        Api.Response answered = seller.api().post("/api/v1/disputes/" + disputeId + "/statement",
                Map.of("statement", "Packed in foam; the carrier's scan shows no damage."));
        assertThat(answered.status()).as("%s", answered).isEqualTo(200);
        assertThat(answered.json().get("sellerStatement").asString()).startsWith("Packed in foam");

        Api.Response decided = market.operator().post("/api/v1/disputes/" + disputeId + "/decision",
                Map.of("outcome", "FULL", "note", "The carrier confirmed the damage."));
        assertThat(decided.status()).as("%s", decided).isEqualTo(200);
        assertThat(decided.json().get("refundedMinor").asLong()).isEqualTo(2 * PRICE);
        assertThat(market.walletBalance(buyer)).isEqualTo(walletBefore + 2 * PRICE);

        Api.Response again = market.operator().post("/api/v1/disputes/" + disputeId + "/decision",
                Map.of("outcome", "FULL"));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("paidRefundId").asLong()).isEqualTo(decided.json().get("paidRefundId").asLong());
        assertThat(market.walletBalance(buyer)).isEqualTo(walletBefore + 2 * PRICE);
        assertThat(market.operator().post("/api/v1/disputes/" + disputeId + "/decision", Map.of("outcome", "NONE"))
                .status()).isEqualTo(409);
        assertThat(buyer.post("/api/v1/disputes/" + disputeId + "/statement", Map.of("statement", "more"))
                .status()).isEqualTo(409);

        assertThat(buyer.get("/api/v1/disputes/" + disputeId).json().get("outcome").asString()).isEqualTo("FULL");
        assertThat(seller.api().get("/api/v1/disputes/" + disputeId).json().get("outcome").asString()).isEqualTo("FULL");
        JsonNode order = buyer.get("/api/v1/orders/" + rejected[0]).json();
        assertThat(order.get("refundedMinor").asLong()).isEqualTo(2 * PRICE);
        assertEveryPostingBalances(rejected[0]);
    }

    @Test
    void aPartialDecisionAfterSettlementComesOutOfTheMerchantBalance() {
        long[] rejected = rejectedReturn(3);
        assertThat(buyer.post("/api/v1/orders/" + rejected[0] + "/receipt-confirmation", null).status()).isEqualTo(200);
        long merchantBefore = market.sellerBalance(seller.api(), "MERCHANT");
        long walletBefore = market.walletBalance(buyer);
        long disputeId = buyer.create("/api/v1/orders/" + rejected[0] + "/refunds/" + rejected[1] + "/dispute",
                Map.of("statement", "One of three was the wrong colour.")).id();

        Api.Response tooMany = market.operator().post("/api/v1/disputes/" + disputeId + "/decision", Map.of(
                "outcome", "PARTIAL", "items", List.of(Map.of("lineId", rejected[2], "quantity", 4))));
        assertThat(tooMany.status()).as("%s", tooMany).isIn(400, 409);
        assertThat(market.walletBalance(buyer)).isEqualTo(walletBefore);

        Api.Response decided = market.operator().post("/api/v1/disputes/" + disputeId + "/decision", Map.of(
                "outcome", "PARTIAL", "items", List.of(Map.of("lineId", rejected[2], "quantity", 1))));
        assertThat(decided.status()).as("%s", decided).isEqualTo(200);
        assertThat(decided.json().get("refundedMinor").asLong()).isEqualTo(PRICE);
        assertThat(market.walletBalance(buyer)).isEqualTo(walletBefore + PRICE);
        assertThat(market.sellerBalance(seller.api(), "MERCHANT")).isLessThan(merchantBefore);
        assertEveryPostingBalances(rejected[0]);
    }

    @Test
    void noRefundMovesNoMoneyAndOnlyARejectedReturnCanBeDisputed() {
        long[] rejected = rejectedReturn(1);
        long walletBefore = market.walletBalance(buyer);
        long disputeId = buyer.create("/api/v1/orders/" + rejected[0] + "/refunds/" + rejected[1] + "/dispute",
                Map.of("statement", "It was wrong.")).id();
        Api.Response decided = market.operator().post("/api/v1/disputes/" + disputeId + "/decision",
                Map.of("outcome", "NONE"));
        assertThat(decided.status()).isEqualTo(200);
        assertThat(decided.json().get("refundedMinor").asLong()).isZero();
        assertThat(market.walletBalance(buyer)).isEqualTo(walletBefore);

        long paid = market.paidOrder(buyer, sku, 1);
        long immediate = buyer.create("/api/v1/orders/" + paid + "/refunds", Map.of("reason", "changed my mind")).id();
        Api.Response refused = buyer.in("zh-CN").create("/api/v1/orders/" + paid + "/refunds/" + immediate
                + "/dispute", Map.of("statement", "x"));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("detail").asString()).contains("未被卖家拒绝");
        assertThat(buyer.create("/api/v1/orders/" + rejected[0] + "/refunds/" + rejected[1] + "/dispute",
                Map.of("statement", " ")).status()).isEqualTo(400);
    }

    private void assertEveryPostingBalances(long orderId) {
        JsonNode postings = market.operator().get("/api/v1/orders/" + orderId + "/postings").json();
        assertThat(postings.size()).isGreaterThan(1);
        for (JsonNode posting : postings) {
            long sum = 0;
            for (JsonNode entry : posting.get("entries")) {
                sum += entry.get("amountMinor").asLong();
            }
            assertThat(sum).as("posting %s", posting).isZero();
        }
    }
}
