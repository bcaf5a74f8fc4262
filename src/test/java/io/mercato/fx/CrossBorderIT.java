package io.mercato.fx;

import static org.assertj.core.api.Assertions.assertThat;

import io.mercato.Api;
import io.mercato.MarketFixture;
import io.mercato.MercatoTest;
import io.mercato.MutableClock;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Currencies on orders and the ledger: an order placed by a buyer who shows prices in euros records the euro total and
 * the rate beside its yuan total; a wallet converts between currencies as two postings through FX clearing, each
 * balanced in its currency, so the trial balance stays zero in every currency whatever conversions run (a seeded
 * random sequence, its seed printed on failure).
 */
@MercatoTest
class CrossBorderIT {

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
        for (int back = 20; back >= 0; back--) {
            csv.append(today.minusDays(back)).append(",EUR,7.65\n");
            csv.append(today.minusDays(back)).append(",USD,7.1\n");
            csv.append(today.minusDays(back)).append(",JPY,0.048\n");
        }
        HttpResponse<String> loaded = HTTP.send(HttpRequest.newBuilder(market.anonymous().uri("/api/v1/operator/fx/rates"))
                .header("Content-Type", "text/csv").header("Authorization", "Bearer " + market.operator().token())
                .POST(HttpRequest.BodyPublishers.ofString(csv.toString())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(loaded.statusCode()).as(loaded.body()).isEqualTo(201);
    }

    @Test
    void anOrderRecordsTheBuyersCurrencyTheRateAndBothAmounts() {
        var seller = market.seller("TAOBAO");
        long sku = market.listedSku(seller, market.category(0), 10_000, 10);
        Api buyer = market.buyer(50_000);
        assertThat(buyer.put("/api/v1/fx/display-currency", Map.of("currency", "EUR")).status()).isEqualTo(200);

        long orderId = market.paidOrder(buyer, sku, 1);

        JsonNode order = buyer.get("/api/v1/orders/" + orderId).json();
        assertThat(order.get("currency").asString()).isEqualTo("CNY");
        assertThat(order.get("totalMinor").asLong()).isEqualTo(10_000);
        JsonNode inEuros = order.get("buyerAmount");
        assertThat(inEuros.get("currency").asString()).isEqualTo("EUR");
        // ¥100.00 at 0.13071895 EUR per CNY: €13.07.
        assertThat(inEuros.get("totalMinor").asLong()).isEqualTo(1_307);
        assertThat(inEuros.get("rate").decimalValue()).isEqualByComparingTo("0.13071895");
        // The buyer paid, and the merchant's escrow holds, yuan.
        assertThat(market.walletBalance(buyer)).isEqualTo(40_000);

        // A buyer who shows prices in the order's own currency gets no second amount.
        Api local = market.buyer(50_000);
        long plain = market.paidOrder(local, sku, 1);
        assertThat(local.get("/api/v1/orders/" + plain).json().hasNonNull("buyerAmount")).isFalse();
    }

    @Test
    void aWalletConvertsThroughFxClearingAndTheLedgerBalancesInEveryCurrency() {
        Api buyer = market.buyer(0);
        assertThat(buyer.create("/api/v1/wallet/top-ups", Map.of("amountMinor", 10_000, "currency", "EUR")).status())
                .isEqualTo(201);

        JsonNode converted = buyer.create("/api/v1/wallet/conversions",
                Map.of("amountMinor", 5_000, "currency", "EUR", "to", "CNY")).json();

        assertThat(converted.get("toMinor").asLong()).as("€50.00 at 7.65").isEqualTo(38_250);
        Map<String, Long> wallet = new java.util.HashMap<>();
        buyer.get("/api/v1/wallet").json().forEach(account -> wallet.put(account.get("currency").asString(),
                account.get("balanceMinor").asLong()));
        assertThat(wallet).containsEntry("EUR", 5_000L).containsEntry("CNY", 38_250L);
        // Two postings, each in one currency and balanced in it.
        JsonNode postings = buyer.get("/api/v1/ledger/statement?limit=3").json();
        for (JsonNode posting : List.of(postings.get(0), postings.get(1))) {
            assertThat(posting.get("kind").asString()).isEqualTo("FX_CONVERSION");
            long sum = 0;
            for (JsonNode entry : posting.get("entries")) {
                sum += entry.get("amountMinor").asLong();
                assertThat(entry.get("account").asString()).isIn("WALLET", "FX_CLEARING");
            }
            assertThat(sum).isZero();
        }

        Api.Response tooMuch = buyer.create("/api/v1/wallet/conversions",
                Map.of("amountMinor", 5_001, "currency", "EUR", "to", "CNY"));
        assertThat(tooMuch.status()).isEqualTo(409);
        Api.Response same = buyer.create("/api/v1/wallet/conversions",
                Map.of("amountMinor", 100, "currency", "EUR", "to", "EUR"));
        assertThat(same.status()).isEqualTo(400);
        assertThat(same.body()).contains("\"to\"");
        Api.Response noRate = buyer.create("/api/v1/wallet/conversions",
                Map.of("amountMinor", 100, "currency", "EUR", "to", "GBP"));
        assertThat(noRate.status()).isIn(201, 409);
    }

    @Test
    void randomConversionsLeaveTheTrialBalanceZeroInEveryCurrency() {
        long seed = Long.getLong("fx.seed", System.nanoTime());
        Random random = new Random(seed);
        List<String> currencies = List.of("CNY", "EUR", "USD", "JPY");
        Api buyer = market.buyer(0);
        for (String currency : currencies) {
            assertThat(buyer.create("/api/v1/wallet/top-ups", Map.of("amountMinor", 1_000_000, "currency", currency))
                    .status()).isEqualTo(201);
        }
        for (int i = 0; i < 12; i++) {
            String from = currencies.get(random.nextInt(currencies.size()));
            String to = currencies.get(random.nextInt(currencies.size()));
            long amount = 1 + random.nextInt(200_000);
            Api.Response response = buyer.create("/api/v1/wallet/conversions",
                    Map.of("amountMinor", amount, "currency", from, "to", to));
            assertThat(response.status()).as("seed %d: %d %s to %s: %s", seed, amount, from, to, response)
                    .isIn(201, 400, 409);
        }
        JsonNode trial = market.operator().get("/api/v1/operator/ledger/trial-balance").json();
        trial.properties().forEach(entry -> assertThat(entry.getValue().asLong())
                .as("seed %d: trial balance of %s", seed, entry.getKey()).isZero());
    }
}
