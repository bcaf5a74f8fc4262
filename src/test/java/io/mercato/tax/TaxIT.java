package io.mercato.tax;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Cross-border tax over HTTP: the operator's EU VAT table (every member state, with an effective date; a table with
 * gaps refused and nothing written), IOSS VAT collected up to EUR 150 of goods and import VAT due above, other
 * destinations' duty rules.
 */
@MercatoTest
class TaxIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

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
            csv.append(today.minusDays(back)).append(",EUR,8\n").append(today.minusDays(back)).append(",USD,7.1\n");
        }
        HttpResponse<String> loaded = HTTP.send(HttpRequest.newBuilder(operator.uri("/api/v1/operator/fx/rates"))
                .header("Content-Type", "text/csv").header("Authorization", "Bearer " + operator.token())
                .POST(HttpRequest.BodyPublishers.ofString(csv.toString())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(loaded.statusCode()).as(loaded.body()).isEqualTo(201);
    }

    private static List<Map<String, Object>> rates(int germany) {
        List<Map<String, Object>> rates = new ArrayList<>();
        for (String country : CrossBorderTax.EU.stream().sorted().toList()) {
            rates.add(Map.of("country", country, "basisPoints", country.equals("DE") ? germany : 2000));
        }
        return rates;
    }

    @Test
    void iossVatIsCollectedUpToOneHundredFiftyEurosAndImportVatIsDueAbove() {
        Api.Response added = operator.create("/api/v1/operator/tax/vat-tables",
                Map.of("effectiveFrom", today.minusDays(100).toString(), "rates", rates(1900)));
        assertThat(added.status()).as("%s", added).isEqualTo(201);
        assertThat(added.json().get("rates")).hasSize(27);

        // ¥1,200.00 is €150.00 at 8 yuan a euro: IOSS, 19% on goods and the ¥8.00 shipping.
        JsonNode ioss = market.anonymous().get("/api/v1/tax/assessment?country=DE&goodsMinor=120000&shippingMinor=800&currency=CNY")
                .json();
        assertThat(ioss.get("treatment").asString()).isEqualTo("IOSS_VAT");
        assertThat(ioss.get("collected").get("minor").asLong()).isEqualTo(22_952);
        assertThat(ioss.get("goodsInEuros").get("minor").asLong()).isEqualTo(15_000);
        JsonNode border = market.anonymous().get("/api/v1/tax/assessment?country=DE&goodsMinor=120008&currency=CNY").json();
        assertThat(border.get("treatment").asString()).isEqualTo("IMPORT_VAT_AT_BORDER");
        assertThat(border.get("collected").get("minor").asLong()).isZero();
        assertThat(border.get("due").get("minor").asLong()).isEqualTo(22_802);
        assertThat(market.anonymous().get("/api/v1/tax/assessment?country=CN&goodsMinor=120000&currency=CNY").json()
                .get("treatment").asString()).isEqualTo("NONE");

        // A later table takes over from its day on; the earlier one still answers for the days before.
        assertThat(operator.create("/api/v1/operator/tax/vat-tables", Map.of("effectiveFrom", today.minusDays(3).toString(),
                "rates", rates(1600))).status()).isEqualTo(201);
        assertThat(market.anonymous().get("/api/v1/tax/assessment?country=DE&goodsMinor=10000&currency=CNY").json()
                .get("basisPoints").asInt()).isEqualTo(1600);
        assertThat(market.anonymous().get("/api/v1/tax/assessment?country=DE&goodsMinor=10000&currency=CNY&on="
                + today.minusDays(5)).json().get("basisPoints").asInt()).isEqualTo(1900);
    }

    @Test
    void aTableWithGapsIsRefusedAndNothingIsWritten() {
        int before = market.anonymous().get("/api/v1/tax/vat-tables").json().size();
        List<Map<String, Object>> gaps = rates(1900);
        gaps.removeIf(rate -> rate.get("country").equals("FR") || rate.get("country").equals("IT"));

        Api.Response refused = operator.create("/api/v1/operator/tax/vat-tables",
                Map.of("effectiveFrom", today.minusDays(200).toString(), "rates", gaps));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("\"rates\"").contains("FR, IT");
        Api.Response chinese = operator.in("zh-CN").create("/api/v1/operator/tax/vat-tables",
                Map.of("effectiveFrom", today.minusDays(200).toString(), "rates", gaps));
        assertThat(chinese.body()).contains("税率表不完整");
        List<Map<String, Object>> twice = rates(1900);
        twice.add(Map.of("country", "DE", "basisPoints", 700));
        assertThat(operator.create("/api/v1/operator/tax/vat-tables", Map.of("effectiveFrom", today.minusDays(200).toString(),
                "rates", twice)).body()).contains("rates[27].country");
        List<Map<String, Object>> tooHigh = rates(3100);
        assertThat(operator.create("/api/v1/operator/tax/vat-tables", Map.of("effectiveFrom", today.minusDays(200).toString(),
                "rates", tooHigh)).body()).contains(".basisPoints");
        assertThat(market.anonymous().get("/api/v1/tax/vat-tables").json().size()).isEqualTo(before);
        assertThat(market.account("SELLER").create("/api/v1/operator/tax/vat-tables",
                Map.of("effectiveFrom", today.minusDays(300).toString(), "rates", rates(1900))).status()).isEqualTo(403);
    }

    @Test
    void otherDestinationsFollowTheOperatorsImportRule() {
        Api.Response rule = operator.put("/api/v1/operator/tax/import-rules/US",
                Map.of("currency", "USD", "thresholdMinor", 80_000, "basisPoints", 500));
        assertThat(rule.status()).as("%s", rule).isEqualTo(200);
        // ¥5,000.00 is $704.23: under the $800 threshold, no duty; ¥6,000.00 is $845.07: 5% of the goods.
        assertThat(market.anonymous().get("/api/v1/tax/assessment?country=US&goodsMinor=500000&currency=CNY").json()
                .get("treatment").asString()).isEqualTo("NONE");
        JsonNode duty = market.anonymous().get("/api/v1/tax/assessment?country=US&goodsMinor=600000&currency=CNY").json();
        assertThat(duty.get("treatment").asString()).isEqualTo("DUTY");
        assertThat(duty.get("collected").get("minor").asLong()).isEqualTo(30_000);
        assertThat(operator.put("/api/v1/operator/tax/import-rules/DE",
                Map.of("currency", "EUR", "thresholdMinor", 0, "basisPoints", 500)).body()).contains("\"country\"");
    }
}
