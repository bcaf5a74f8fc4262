package io.mercato.payment;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Settlement in the merchant's currency: a seller paid in euros gets each yuan order's settlement converted through FX
 * clearing at the day's rate into its euro balance, which it withdraws in euros; the ledger balances in both.
 */
@MercatoTest
class SettlementCurrencyIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    MarketFixture market;

    @BeforeEach
    void bind() throws Exception {
        market = new MarketFixture(port);
        LocalDate today = clock.instant().atZone(ZoneId.of("Asia/Shanghai")).toLocalDate();
        StringBuilder csv = new StringBuilder("date,currency,rate\n");
        for (int back = 10; back >= 0; back--) {
            csv.append(today.minusDays(back)).append(",EUR,8\n");
        }
        Api operator = market.operator();
        HttpResponse<String> loaded = HTTP.send(HttpRequest.newBuilder(operator.uri("/api/v1/operator/fx/rates"))
                .header("Content-Type", "text/csv").header("Authorization", "Bearer " + operator.token())
                .POST(HttpRequest.BodyPublishers.ofString(csv.toString())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(loaded.statusCode()).as(loaded.body()).isEqualTo(201);
    }

    private static Map<String, Long> balances(Api seller, String currency) {
        Map<String, Long> balances = new HashMap<>();
        for (JsonNode account : seller.get("/api/v1/merchant/balance").json()) {
            if (account.get("currency").asString().equals(currency)) {
                balances.put(account.get("kind").asString(), account.get("balanceMinor").asLong());
            }
        }
        return balances;
    }

    @Test
    void aMerchantPaidInEurosGetsEachSettlementConvertedAndWithdrawsEuros() {
        var seller = market.seller("GLOBAL");
        Api.Response chosen = seller.api().put("/api/v1/merchant/settlement-currency", Map.of("currency", "eur"));
        assertThat(chosen.status()).as("%s", chosen).isEqualTo(200);
        assertThat(chosen.json().get("currency").asString()).isEqualTo("EUR");
        assertThat(seller.api().get("/api/v1/merchant/settlement-currency").json().get("currency").asString())
                .isEqualTo("EUR");
        long sku = market.listedSku(seller, market.category(500), 10_001, 5);
        Api buyer = market.buyer(50_000);

        long orderId = market.paidOrder(buyer, sku, 1);
        assertThat(seller.api().create("/api/v1/orders/" + orderId + "/shipment",
                Map.of("carrier", "SF Express", "trackingNumber", "SF1234567890")).status()).isEqualTo(200);
        assertThat(seller.api().create("/api/v1/orders/" + orderId + "/delivery", null).status()).isEqualTo(200);
        JsonNode completed = buyer.create("/api/v1/orders/" + orderId + "/receipt-confirmation", null).json();
        assertThat(completed.get("status").asString()).isEqualTo("COMPLETED");

        long net = 10_001 - completed.get("feeMinor").asLong();
        long euros = BigDecimal.valueOf(net).divide(BigDecimal.valueOf(8), 0, RoundingMode.HALF_UP).longValueExact();
        assertThat(balances(seller.api(), "EUR")).containsEntry("MERCHANT", euros);
        assertThat(balances(seller.api(), "CNY").getOrDefault("MERCHANT", 0L)).as("nothing left in yuan").isZero();
        int conversions = 0;
        for (JsonNode posting : seller.api().get("/api/v1/ledger/statement?limit=10").json()) {
            if (posting.get("kind").asString().equals("FX_CONVERSION")) {
                conversions++;
                assertThat(posting.get("reference").asString()).startsWith("order:" + orderId + ":settlement:fx:");
            }
        }
        assertThat(conversions).isEqualTo(2);
        market.operator().get("/api/v1/operator/ledger/trial-balance").json().properties()
                .forEach(entry -> assertThat(entry.getValue().asLong()).as(entry.getKey()).isZero());

        Api.Response payout = seller.api().create("/api/v1/merchant/withdrawals",
                Map.of("amountMinor", euros, "currency", "EUR"));
        assertThat(payout.status()).as("%s", payout).isEqualTo(201);
        assertThat(balances(seller.api(), "EUR")).containsEntry("MERCHANT", 0L);

        // Back to each order's own currency.
        assertThat(seller.api().put("/api/v1/merchant/settlement-currency", java.util.Collections.singletonMap("currency",
                null)).json().hasNonNull("currency")).isFalse();
    }

    @Test
    void aReturnAfterAConvertedSettlementBuysTheYuanBackFromTheMerchantsEuros() {
        var seller = market.seller("GLOBAL");
        assertThat(seller.api().put("/api/v1/merchant/settlement-currency", Map.of("currency", "EUR")).status())
                .isEqualTo(200);
        long sku = market.listedSku(seller, market.category(500), 8_000, 5);
        Api buyer = market.buyer(50_000);
        long orderId = market.paidOrder(buyer, sku, 2);
        assertThat(seller.api().create("/api/v1/orders/" + orderId + "/shipment",
                Map.of("carrier", "SF Express", "trackingNumber", "SF1234567891")).status()).isEqualTo(200);
        assertThat(seller.api().create("/api/v1/orders/" + orderId + "/delivery", null).status()).isEqualTo(200);
        JsonNode completed = buyer.create("/api/v1/orders/" + orderId + "/receipt-confirmation", null).json();
        long fee = completed.get("feeMinor").asLong();
        long settledEuros = BigDecimal.valueOf(16_000 - fee).divide(BigDecimal.valueOf(8), 0, RoundingMode.HALF_UP)
                .longValueExact();
        assertThat(balances(seller.api(), "EUR")).containsEntry("MERCHANT", settledEuros);

        long lineId = buyer.get("/api/v1/orders/" + orderId).json().get("lines").get(0).get("id").asLong();
        Api.Response requested = buyer.create("/api/v1/orders/" + orderId + "/refunds",
                Map.of("reason", "one was broken", "items", List.of(Map.of("lineId", lineId, "quantity", 1))));
        assertThat(requested.status()).as("%s", requested).isEqualTo(201);
        Api.Response approved = seller.api().post("/api/v1/refunds/" + requested.id() + "/approval",
                Map.of("note", "sorry"));
        assertThat(approved.status()).as("%s", approved).isEqualTo(200);

        // Half the goods back, half the fee given back: the merchant owes 8,000 - fee/2 fen, bought back from its euros.
        long owed = 8_000 - fee / 2;
        long euros = BigDecimal.valueOf(owed).divide(BigDecimal.valueOf(8), 0, RoundingMode.HALF_UP).longValueExact();
        assertThat(balances(seller.api(), "CNY").getOrDefault("MERCHANT_DEBT", 0L)).as("no debt in yuan").isZero();
        assertThat(balances(seller.api(), "CNY").getOrDefault("MERCHANT", 0L)).isZero();
        assertThat(balances(seller.api(), "EUR")).containsEntry("MERCHANT", settledEuros - euros);
        boolean boughtBack = false;
        for (JsonNode posting : seller.api().get("/api/v1/ledger/statement?limit=20").json()) {
            boughtBack |= posting.get("reference").asString().equals("refund:" + requested.id() + ":fx:from");
        }
        assertThat(boughtBack).isTrue();
        market.operator().get("/api/v1/operator/ledger/trial-balance").json().properties()
                .forEach(entry -> assertThat(entry.getValue().asLong()).as(entry.getKey()).isZero());
    }

    @Test
    void anUnknownCurrencyIsRefusedByNameAndBuyersHaveNoSettlementCurrency() {
        var seller = market.seller("TAOBAO");
        Api.Response unknown = seller.api().put("/api/v1/merchant/settlement-currency", Map.of("currency", "XYZ"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("\"currency\"").contains("XYZ");
        assertThat(seller.api().in("zh-CN").put("/api/v1/merchant/settlement-currency", Map.of("currency", "XYZ")).body())
                .contains("XYZ").doesNotContain("Unknown");
        assertThat(market.buyer(0).put("/api/v1/merchant/settlement-currency", Map.of("currency", "EUR")).status())
                .isEqualTo(403);
        assertThat(market.anonymous().get("/api/v1/merchant/settlement-currency").status()).isEqualTo(401);
    }
}
