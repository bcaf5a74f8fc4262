package io.mercato.fx;

import static org.assertj.core.api.Assertions.assertThat;

import io.mercato.Api;
import io.mercato.MarketFixture;
import io.mercato.MercatoTest;
import io.mercato.MutableClock;
import io.mercato.platform.ConflictException;
import io.mercato.platform.Money;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Currency;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Exchange rates over HTTP: an operator's CSV loaded whole or not at all, every bad row refused naming its row and
 * column (in the reader's language) and listed for operators, conversions at the day's rate with the rate shown, the
 * reference-period conversion constant-currency figures use, and a buyer's display currency.
 */
@MercatoTest
class FxIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    ExchangeRates rates;

    MarketFixture market;
    Api operator;

    @BeforeEach
    void bind() {
        market = new MarketFixture(port);
        operator = market.operator();
    }

    private LocalDate today() {
        return clock.instant().atZone(ZoneId.of("Asia/Shanghai")).toLocalDate();
    }

    private Api.Response csv(Api api, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(api.uri("/api/v1/operator/fx/rates"))
                .header("Content-Type", "text/csv").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (api.token() != null) {
            request.header("Authorization", "Bearer " + api.token());
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Api.Response(response.statusCode(), response.body(), "");
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private Api.Response csvIn(String language, String body) {
        HttpRequest request = HttpRequest.newBuilder(operator.uri("/api/v1/operator/fx/rates"))
                .header("Content-Type", "text/csv").header("Accept-Language", language)
                .header("Authorization", "Bearer " + operator.token())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Api.Response(response.statusCode(), response.body(), "");
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Twenty days of one rate up to today, so the currency has no gap whatever loaded it before. */
    private String days(String currency, String rate) {
        StringBuilder csv = new StringBuilder("date,currency,rate\n");
        for (int back = 20; back >= 0; back--) {
            csv.append(today().minusDays(back)).append(',').append(currency).append(',').append(rate).append('\n');
        }
        return csv.toString();
    }

    private void load(String body) {
        Api.Response loaded = csv(operator, body);
        assertThat(loaded.status()).as("%s", loaded).isEqualTo(201);
    }

    private JsonNode rate(String currency) {
        for (JsonNode rate : market.anonymous().get("/api/v1/fx/rates").json()) {
            if (rate.get("currency").asString().equals(currency)) {
                return rate;
            }
        }
        return null;
    }

    @Test
    void anOperatorLoadsRatesAndAnyoneConvertsAtTheDaysRateWithTheRateShown() {
        load(days("EUR", "7.65") + days("USD", "7.1").replace("date,currency,rate\n", "")
                + days("JPY", "0.048").replace("date,currency,rate\n", ""));

        JsonNode eur = rate("EUR");
        assertThat(eur.get("day").asString()).isEqualTo(today().toString());
        assertThat(eur.get("cnyPerUnit").decimalValue()).isEqualByComparingTo("7.65");

        // ¥100.00 is €13.0719…, rounded half up to 13.07.
        JsonNode toEur = market.anonymous().get("/api/v1/fx/conversion?amountMinor=10000&from=CNY&to=EUR").json();
        assertThat(toEur.get("to").get("minor").asLong()).isEqualTo(1_307);
        assertThat(toEur.get("rate").decimalValue()).isEqualByComparingTo("0.13071895");
        assertThat(toEur.get("rateDay").asString()).isEqualTo(today().toString());
        // Through the yuan, to a currency without minor units: ¥100.00 = 2083.33… yen → 2083.
        assertThat(market.anonymous().get("/api/v1/fx/conversion?amountMinor=10000&from=CNY&to=JPY").json()
                .get("to").get("minor").asLong()).isEqualTo(2_083);
        // €10.00 in dollars: 10 × 7.65 / 7.1 = 10.7746… → 10.77.
        assertThat(market.anonymous().get("/api/v1/fx/conversion?amountMinor=1000&from=EUR&to=USD").json()
                .get("to").get("minor").asLong()).isEqualTo(1_077);
        // A weekend without rates still converts at Friday's, within the staleness limit; beyond it, a clear 409.
        assertThat(market.anonymous().get("/api/v1/fx/conversion?amountMinor=1000&from=EUR&to=CNY&on="
                + today().plusDays(2)).json().get("rateDay").asString()).isEqualTo(today().toString());
        Api.Response tooOld = market.anonymous().get("/api/v1/fx/conversion?amountMinor=1000&from=EUR&to=CNY&on="
                + today().plusDays(10));
        assertThat(tooOld.status()).isEqualTo(409);
        assertThat(tooOld.body()).contains("No rate of EUR");
        assertThat(market.anonymous().get("/api/v1/fx/conversion?amountMinor=1000&from=XXX&to=CNY").body())
                .contains("\"from\"");
    }

    @Test
    void badRowsAreRefusedNamingRowAndColumnAndNothingIsHalfLoaded() {
        load(days("GBP", "9.0"));
        String head = "date,currency,rate\n";
        String good = today() + ",GBP,9.5\n";
        record Case(String csv, String field, String words) {
        }
        var cases = new Case[] {
                new Case(head + good + today() + ",HKD,0\n", "rows[3].rate", "must be above zero"),
                new Case(head + good + today() + ",HKD,-0.91\n", "rows[3].rate", "must be above zero"),
                new Case(head + good + today() + ",HKD,abc\n", "rows[3].rate", "not a number"),
                new Case(head + good + today().minusDays(45) + ",HKD,0.91\n", "rows[3].date", "stale"),
                new Case(head + good + today().plusDays(1) + ",HKD,0.91\n", "rows[3].date", "after today"),
                new Case(head + good + today() + ",XYZ,1.2\n", "rows[3].currency", "not a currency"),
                new Case(head + good + today() + ",CNY,1\n", "rows[3].currency", "base currency"),
                new Case(head + good + good, "rows[3].date", "already given on row 2"),
                new Case(head + today().minusDays(2) + ",HKD,0.9\n" + today() + ",HKD,0.9\n", "rows[3].date", "jumps"),
                new Case(head + good + today() + ",HKD\n", "rows[3].rate", "3 columns"),
                new Case("day,ccy,value\n" + good, "rows[1].header", "header"),
                new Case("", "rows[1].header", "empty"),
        };
        for (Case bad : cases) {
            Api.Response refused = csv(operator, bad.csv());
            assertThat(refused.status()).as(bad.csv()).isEqualTo(400);
            assertThat(refused.body()).as(bad.csv()).contains("\"" + bad.field() + "\"").contains(bad.words());
        }
        // The good first row of every refused file was not written.
        assertThat(rate("GBP").get("cnyPerUnit").decimalValue()).isEqualByComparingTo("9.0");
        // A day loaded again takes the new rate.
        load(head + today() + ",GBP,9.1\n");
        assertThat(rate("GBP").get("cnyPerUnit").decimalValue()).isEqualByComparingTo("9.1");

        JsonNode refusals = operator.get("/api/v1/operator/fx/refused-loads").json();
        assertThat(refusals.get(0).get("reason").asString()).isEqualTo("fx.csv.empty");
        assertThat(refusals.get(0).get("row").asInt()).isEqualTo(1);
        assertThat(refusals.get(1).get("column").asString()).isEqualTo("header");
        // Sellers and buyers may neither load nor see the refusals.
        Api seller = market.account("SELLER");
        assertThat(csv(seller, head + good).status()).isEqualTo(403);
        assertThat(seller.get("/api/v1/operator/fx/refused-loads").status()).isEqualTo(403);
        assertThat(csv(market.anonymous(), head + good).status()).isEqualTo(401);
    }

    @Test
    void aPauseBetweenLoadsIsNoGapAndTheNewRateServesAtOnce() {
        load(days("TRY", "0.21"));
        clock.advance(java.time.Duration.ofDays(3));
        try {
            String late = "date,currency,rate\n" + today() + ",TRY,0.22\n";
            Api.Response loaded = csvIn("zh-CN", late);
            assertThat(loaded.status()).as("%s", loaded).isEqualTo(201);
            Api.Response conversion = market.anonymous().get("/api/v1/fx/conversion?amountMinor=100&from=TRY&to=CNY");
            assertThat(conversion.status()).as("%s", conversion).isEqualTo(200);
            assertThat(conversion.body()).contains(today().toString());
        } finally {
            clock.advance(java.time.Duration.ofDays(-3));
        }
    }

    @Test
    void constantCurrencyConvertsAtTheReferenceMonthsAverageRate() {
        load(days("HKD", "0.9"));
        YearMonth month = YearMonth.from(today());
        Money converted = rates.atReference(Money.of(9_000, "CNY"), Currency.getInstance("HKD"), month);
        assertThat(converted).isEqualTo(Money.of(10_000, "HKD"));
        Assertions.assertThatThrownBy(() -> rates.atReference(Money.of(100, "CNY"), Currency.getInstance("HKD"),
                month.minusYears(3))).isInstanceOf(ConflictException.class);
    }

    @Test
    void aBuyerChoosesTheCurrencyPricesAreShownIn() {
        Api buyer = market.buyer(0);
        assertThat(buyer.get("/api/v1/fx/display-currency").json().hasNonNull("currency")).isFalse();
        assertThat(buyer.put("/api/v1/fx/display-currency", java.util.Map.of("currency", "eur")).json()
                .get("currency").asString()).isEqualTo("EUR");
        assertThat(buyer.get("/api/v1/fx/display-currency").json().get("currency").asString()).isEqualTo("EUR");
        Api.Response unknown = buyer.put("/api/v1/fx/display-currency", java.util.Map.of("currency", "ABC"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("\"currency\"");
        assertThat(market.anonymous().get("/api/v1/fx/display-currency").status()).isEqualTo(401);
    }
}
