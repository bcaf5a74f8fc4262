package io.mercato.tax;

import static org.assertj.core.api.Assertions.assertThat;

import io.mercato.ActionChain;
import io.mercato.Api;
import io.mercato.MarketFixture;
import io.mercato.MercatoTest;
import io.mercato.MutableClock;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Taxes at checkout and on the ledger: an EU buyer's parcel up to EUR 150 pays the destination's VAT on top of the
 * total, into the platform's VAT liability in the payment's own posting, and refunds give it back pro rata; above EUR
 * 150 the order is marked for import VAT at the border and nothing is collected; other destinations pay the duty of
 * their category's rule. A seeded chain of random checkouts and refunds keeps the ledger balanced in every currency and
 * the VAT liability equal to what the orders say was collected and not given back.
 */
@MercatoTest
class CheckoutTaxIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** Yuan per euro and per dollar in these tests. */
    private static final String EUR_RATE = "8";
    private static final String USD_RATE = "7.1";

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    MarketFixture market;
    Api operator;
    LocalDate today;

    @BeforeEach
    void bind() throws Exception {
        market = new MarketFixture(port);
        operator = market.operator();
        today = clock.instant().atZone(ZoneId.of("Asia/Shanghai")).toLocalDate();
        StringBuilder csv = new StringBuilder("date,currency,rate\n");
        for (int back = 20; back >= 0; back--) {
            csv.append(today.minusDays(back)).append(",EUR,").append(EUR_RATE).append('\n')
                    .append(today.minusDays(back)).append(",USD,").append(USD_RATE).append('\n');
        }
        HttpResponse<String> loaded = HTTP.send(HttpRequest.newBuilder(operator.uri("/api/v1/operator/fx/rates"))
                .header("Content-Type", "text/csv").header("Authorization", "Bearer " + operator.token())
                .POST(HttpRequest.BodyPublishers.ofString(csv.toString())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(loaded.statusCode()).as(loaded.body()).isEqualTo(201);
        // The table in force today: Germany 19%, every other member state 20% (the same table whichever test adds it).
        Api.Response table = operator.create("/api/v1/operator/tax/vat-tables",
                Map.of("effectiveFrom", today.toString(), "rates", rates()));
        assertThat(table.status()).as("%s", table).isIn(201, 400);
    }

    static List<Map<String, Object>> rates() {
        List<Map<String, Object>> rates = new ArrayList<>();
        for (String country : CrossBorderTax.EU.stream().sorted().toList()) {
            rates.add(Map.of("country", country, "basisPoints", country.equals("DE") ? 1900 : 2000));
        }
        return rates;
    }

    static Map<String, Object> address(String country) {
        return Map.of("recipient", "Anna Schmidt", "phone", "+49 30 1234567", "line1", "Unter den Linden 1",
                "city", country.equals("DE") ? "Berlin" : "Capital", "postalCode", "10117", "country", country);
    }

    private JsonNode place(Api buyer, String country, Map<Long, Long> items) {
        List<Map<String, Object>> lines = new ArrayList<>();
        items.forEach((sku, quantity) -> lines.add(Map.of("skuId", sku, "quantity", quantity)));
        Api.Response placed = buyer.create("/api/v1/checkouts", Map.of("address", address(country), "items", lines));
        assertThat(placed.status()).as("checkout: %s", placed).isEqualTo(201);
        return placed.json().get("orders").get(0);
    }

    private static JsonNode posting(Api api, long orderId, String kind) {
        for (JsonNode posting : api.get("/api/v1/orders/" + orderId + "/postings").json()) {
            if (posting.get("kind").asString().equals(kind)) {
                return posting;
            }
        }
        throw new AssertionError("order " + orderId + " has no " + kind + " posting");
    }

    private static long entry(JsonNode posting, String account) {
        long sum = 0;
        for (JsonNode entry : posting.get("entries")) {
            if (entry.get("account").asString().equals(account)) {
                sum += entry.get("amountMinor").asLong();
            }
        }
        return sum;
    }

    @Test
    void anEuParcelUpToOneHundredFiftyEurosPaysVatIntoTheLiabilityAndRefundsGiveItBackProRata() {
        var seller = market.seller("GLOBAL");
        long sku = market.listedSku(seller, market.category(0), 10_000, 20);
        Api buyer = market.buyer(100_000);

        // Two units of ¥100.00: ¥200.00 is €25.00, under the IOSS ceiling; 19% German VAT is ¥38.00 on top.
        JsonNode order = place(buyer, "DE", Map.of(sku, 2L));
        long orderId = order.get("id").asLong();
        assertThat(order.get("totalMinor").asLong()).isEqualTo(20_000);
        JsonNode taxes = order.get("taxes");
        assertThat(taxes.get("treatment").asString()).isEqualTo("IOSS_VAT");
        assertThat(taxes.get("basisPoints").asInt()).isEqualTo(1900);
        assertThat(taxes.get("collectedMinor").asLong()).isEqualTo(3_800);
        assertThat(order.get("payableMinor").asLong()).isEqualTo(23_800);

        assertThat(buyer.create("/api/v1/orders/" + orderId + "/payment", null).status()).isEqualTo(200);
        assertThat(market.walletBalance(buyer)).isEqualTo(100_000 - 23_800);
        JsonNode payment = posting(buyer, orderId, "ORDER_PAYMENT");
        assertThat(entry(payment, "WALLET")).isEqualTo(-23_800);
        assertThat(entry(payment, "ESCROW")).as("the merchant never holds the VAT").isEqualTo(20_000);
        assertThat(entry(payment, "VAT_PAYABLE")).isEqualTo(3_800);

        // One unit back before shipment: its ¥100.00 and half the VAT.
        long lineId = order.get("lines").get(0).get("id").asLong();
        Api.Response first = buyer.create("/api/v1/orders/" + orderId + "/refunds",
                Map.of("items", List.of(Map.of("lineId", lineId, "quantity", 1)), "reason", "one is enough"));
        assertThat(first.status()).as("%s", first).isEqualTo(201);
        JsonNode refund = posting(buyer, orderId, "REFUND");
        assertThat(entry(refund, "VAT_PAYABLE")).isEqualTo(-1_900);
        assertThat(entry(refund, "ESCROW")).isEqualTo(-10_000);
        assertThat(entry(refund, "WALLET")).isEqualTo(11_900);
        assertThat(market.walletBalance(buyer)).isEqualTo(100_000 - 11_900);
        JsonNode after = buyer.get("/api/v1/orders/" + orderId).json();
        assertThat(after.get("taxes").get("refundedMinor").asLong()).isEqualTo(1_900);

        // The other unit: everything the buyer paid is back, the VAT to the last minor unit.
        assertThat(buyer.create("/api/v1/orders/" + orderId + "/refunds",
                Map.of("items", List.of(Map.of("lineId", lineId, "quantity", 1)), "reason", "none at all")).status())
                .isEqualTo(201);
        assertThat(market.walletBalance(buyer)).isEqualTo(100_000);
        assertThat(buyer.get("/api/v1/orders/" + orderId).json().get("taxes").get("refundedMinor").asLong())
                .isEqualTo(3_800);
    }

    @Test
    void anEuParcelAboveOneHundredFiftyEurosIsMarkedForImportVatAtTheBorderAndNothingIsCollected() {
        var seller = market.seller("GLOBAL");
        // ¥1,200.08 is €150.01.
        long sku = market.listedSku(seller, market.category(0), 120_008, 5);
        Api buyer = market.buyer(300_000);

        JsonNode order = place(buyer, "FR", Map.of(sku, 1L));
        JsonNode taxes = order.get("taxes");
        assertThat(taxes.get("treatment").asString()).isEqualTo("IMPORT_VAT_AT_BORDER");
        assertThat(taxes.get("collectedMinor").asLong()).isZero();
        // 20% French VAT of ¥1,200.08, rounded half up: ¥240.02, owed at the border.
        assertThat(taxes.get("dueMinor").asLong()).isEqualTo(24_002);
        assertThat(order.get("payableMinor").asLong()).isEqualTo(120_008);
        long orderId = order.get("id").asLong();
        assertThat(buyer.create("/api/v1/orders/" + orderId + "/payment", null).status()).isEqualTo(200);
        assertThat(entry(posting(buyer, orderId, "ORDER_PAYMENT"), "VAT_PAYABLE")).isZero();
        assertThat(market.walletBalance(buyer)).isEqualTo(300_000 - 120_008);

        // A domestic order has no taxes at all.
        long domestic = market.paidOrder(buyer, sku, 1);
        assertThat(buyer.get("/api/v1/orders/" + domestic).json().hasNonNull("taxes")).isFalse();
    }

    @Test
    void otherDestinationsPayTheDutyOfEachCategorysRule() {
        long toys = market.category(0);
        long books = market.category(0);
        assertThat(operator.put("/api/v1/operator/tax/import-rules/AU",
                Map.of("currency", "USD", "thresholdMinor", 0, "basisPoints", 500)).status()).isEqualTo(200);
        Api.Response toyRule = operator.put("/api/v1/operator/tax/import-rules/AU",
                Map.of("currency", "USD", "thresholdMinor", 0, "basisPoints", 1000, "categoryId", toys));
        assertThat(toyRule.status()).as("%s", toyRule).isEqualTo(200);
        assertThat(toyRule.json().get("categoryId").asLong()).isEqualTo(toys);
        Api.Response unknown = operator.put("/api/v1/operator/tax/import-rules/AU",
                Map.of("currency", "USD", "thresholdMinor", 0, "basisPoints", 1000, "categoryId", 999_999_999));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("\"categoryId\"");
        assertThat(operator.in("zh-CN").put("/api/v1/operator/tax/import-rules/AU",
                Map.of("currency", "USD", "thresholdMinor", 0, "basisPoints", 1000, "categoryId", 999_999_999)).body())
                .contains("类目");

        var seller = market.seller("GLOBAL");
        long toy = market.listedSku(seller, toys, 10_005, 5);
        long book = market.listedSku(seller, books, 3_000, 5);
        Api buyer = market.buyer(100_000);
        JsonNode order = place(buyer, "AU", new LinkedHashMap<>(Map.of(toy, 1L, book, 2L)));

        // 10% of ¥100.05 (¥10.01, half up) for the toy, 5% of ¥60.00 (¥3.00) for the books.
        JsonNode taxes = order.get("taxes");
        assertThat(taxes.get("treatment").asString()).isEqualTo("DUTY");
        assertThat(taxes.get("collectedMinor").asLong()).isEqualTo(1_001 + 300);
        long orderId = order.get("id").asLong();
        assertThat(buyer.create("/api/v1/orders/" + orderId + "/payment", null).status()).isEqualTo(200);
        JsonNode payment = posting(buyer, orderId, "ORDER_PAYMENT");
        assertThat(entry(payment, "DUTY_PAYABLE")).isEqualTo(1_301);
        assertThat(entry(payment, "VAT_PAYABLE")).isZero();

        assertThat(operator.delete("/api/v1/operator/tax/import-rules/AU?categoryId=" + toys).status()).isEqualTo(204);
        assertThat(operator.delete("/api/v1/operator/tax/import-rules/AU?categoryId=" + toys).status()).isEqualTo(404);
    }

    /** What the test expects a VAT or duty to be: the rate on the base, rounded half up to the fen. */
    static long expectedTax(long baseMinor, int basisPoints) {
        return BigDecimal.valueOf(baseMinor).multiply(BigDecimal.valueOf(basisPoints))
                .divide(BigDecimal.valueOf(10_000), 0, RoundingMode.HALF_UP).longValueExact();
    }

    /** The state of one try of the chain: a market with a few SKUs and the orders placed so far. */
    final class Trade {

        final Api buyer = market.buyer(5_000_000);
        final MarketFixture.Seller seller = market.seller("GLOBAL");
        final List<Long> skus = new ArrayList<>();
        final Map<Long, Long> prices = new HashMap<>();
        final List<Long> orders = new ArrayList<>();

        Trade() {
            long category = market.category(0);
            for (long price : new long[] {1_999, 7_777, 33_333, 125_001}) {
                long sku = market.listedSku(seller, category, price, 50);
                skus.add(sku);
                prices.put(sku, price);
            }
            assertThat(operator.put("/api/v1/operator/tax/import-rules/NZ",
                    Map.of("currency", "USD", "thresholdMinor", 1_000, "basisPoints", 1_250)).status()).isEqualTo(200);
        }
    }

    @Test
    void randomCheckoutsAndRefundsKeepTheLedgerBalancedAndTheTaxesExact() {
        List<String> destinations = List.of("DE", "FR", "NZ", "CN");
        ActionChain.startWith(Trade::new)
                .withAction(3, "checkout", trade -> true, (trade, draws) -> {
                    String country = destinations.get(draws.get(0) % destinations.size());
                    long sku = trade.skus.get(draws.get(1) % trade.skus.size());
                    long quantity = 1 + draws.get(2) % 3;
                    JsonNode order = place(trade.buyer, country, Map.of(sku, quantity));
                    long goods = trade.prices.get(sku) * quantity;
                    JsonNode taxes = order.get("taxes");
                    switch (country) {
                        case "CN" -> assertThat(order.hasNonNull("taxes")).isFalse();
                        case "NZ" -> {
                            // $10.00 is ¥71.00: anything dearer pays 12.5%.
                            long duty = goods > 7_100 ? expectedTax(goods, 1_250) : 0;
                            assertThat(taxes == null ? 0 : taxes.get("collectedMinor").asLong()).isEqualTo(duty);
                        }
                        default -> {
                            int rate = country.equals("DE") ? 1900 : 2000;
                            boolean ioss = goods <= 15_000L * 8;
                            assertThat(taxes.get("treatment").asString())
                                    .isEqualTo(ioss ? "IOSS_VAT" : "IMPORT_VAT_AT_BORDER");
                            assertThat(ioss ? taxes.get("collectedMinor").asLong() : taxes.get("dueMinor").asLong())
                                    .isEqualTo(expectedTax(goods, rate));
                        }
                    }
                    long orderId = order.get("id").asLong();
                    Api.Response paid = trade.buyer.create("/api/v1/orders/" + orderId + "/payment", null);
                    assertThat(paid.status()).as("%s", paid).isEqualTo(200);
                    trade.orders.add(orderId);
                })
                .withAction(2, "refund some units", trade -> !trade.orders.isEmpty(), (trade, draws) -> {
                    long orderId = trade.orders.get(draws.get(0) % trade.orders.size());
                    JsonNode order = trade.buyer.get("/api/v1/orders/" + orderId).json();
                    JsonNode line = order.get("lines").get(0);
                    long left = line.get("quantity").asLong() - line.get("refundedQuantity").asLong();
                    if (left == 0) {
                        return;
                    }
                    long units = 1 + draws.get(1) % left;
                    Api.Response refunded = trade.buyer.create("/api/v1/orders/" + orderId + "/refunds", Map.of(
                            "items", List.of(Map.of("lineId", line.get("id").asLong(), "quantity", units)),
                            "reason", "changed my mind"));
                    assertThat(refunded.status()).as("%s", refunded).isEqualTo(201);
                })
                .withInvariant("the ledger balances in every currency", trade -> market.operator()
                        .get("/api/v1/operator/ledger/trial-balance").json().properties()
                        .forEach(entry -> assertThat(entry.getValue().asLong()).as(entry.getKey()).isZero()))
                .withInvariant("each order's taxes are what its payment and refunds moved", trade -> {
                    for (long orderId : trade.orders) {
                        JsonNode order = trade.buyer.get("/api/v1/orders/" + orderId).json();
                        long net = 0;
                        long wallet = 0;
                        for (JsonNode posting : trade.buyer.get("/api/v1/orders/" + orderId + "/postings").json()) {
                            net += entry(posting, "VAT_PAYABLE") + entry(posting, "DUTY_PAYABLE");
                            wallet += entry(posting, "WALLET");
                        }
                        JsonNode taxes = order.get("taxes");
                        long kept = taxes == null ? 0
                                : taxes.get("collectedMinor").asLong() - taxes.get("refundedMinor").asLong();
                        assertThat(net).as("order %d", orderId).isEqualTo(kept);
                        // What the buyer is out of pocket is what the order kept and the taxes kept.
                        assertThat(-wallet).as("order %d", orderId)
                                .isEqualTo(order.get("totalMinor").asLong() - order.get("refundedMinor").asLong() + kept);
                        if (order.get("status").asString().equals("REFUNDED")) {
                            assertThat(kept).as("order %d refunded in full keeps no tax", orderId).isZero();
                        }
                    }
                })
                .withTries(3)
                .withSteps(10)
                .check();
    }
}
