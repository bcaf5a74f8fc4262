package io.mercato.insights;

import static org.assertj.core.api.Assertions.assertThat;

import io.mercato.Api;
import io.mercato.MarketFixture;
import io.mercato.MarketFixture.Seller;
import io.mercato.MercatoTest;
import io.mercato.platform.Money;
import io.mercato.ordering.OrderEvents.OrderPaid;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * The KPIs of docs/kpis.md on a small scenario computed by hand, on days no other test uses (the clock moved past
 * everything before), through the real order paths and the operator's read API.
 */
@MercatoTest
class InsightsIT {

    @RegisterExtension
    final InsightsFixture market = new InsightsFixture();

    @Test
    void everyKpiOfASmallMarketMatchesItsHandComputedValue() {
        market.clock().advance(Duration.ofDays(400));
        LocalDate day = market.today();
        long category = market.category(500);
        Seller taobao = market.seller("TAOBAO");
        Seller tmall = market.seller("TMALL");
        long taobaoSku = market.listedSku(taobao, category, 10_000, 100);
        long tmallSku = market.listedSku(tmall, category, 20_000, 100);
        long productId = market.listedProduct(taobao, category,
                List.of(new MarketFixture.SkuSpec(java.util.Map.of("colour", "blue"), 5_000, 5))).get("id").asLong();
        String aliceEmail = MarketFixture.uniqueEmail("alice");
        Api alice = market.account("BUYER", aliceEmail);
        market.topUp(alice, 1_000_000);
        Api bob = market.buyer(1_000_000);

        long first = market.placedOrder(alice, taobaoSku, 2);
        market.pay(alice, first);
        long second = market.placedOrder(bob, tmallSku, 1);
        market.pay(bob, second);
        market.placedOrder(alice, taobaoSku, 1);
        market.refund(bob, second);
        market.ship(taobao.api(), first);
        market.deliver(taobao.api(), first);
        market.confirm(alice, first);
        long fee = market.ok(alice.get("/api/v1/orders/" + first)).get("feeMinor").asLong();
        assertThat(fee).as("0.6%% of 20000, less any rebate").isBetween(1L, 120L);
        market.rollUp();

        JsonNode kpis = market.day(day);
        assertThat(kpis.get("placedOrders").asLong()).isEqualTo(3);
        assertThat(kpis.get("paidOrders").asLong()).isEqualTo(2);
        assertThat(kpis.get("gmvMinor").asLong()).isEqualTo(40_000);
        assertThat(kpis.get("refundedMinor").asLong()).isEqualTo(20_000);
        assertThat(kpis.get("gmvNetMinor").asLong()).isEqualTo(20_000);
        assertThat(kpis.get("aovMinor").asLong()).isEqualTo(20_000);
        assertThat(kpis.get("refundRate").asDouble()).isEqualTo(0.5);
        assertThat(kpis.get("revenueMinor").asLong()).isEqualTo(fee);
        assertThat(kpis.get("feeMinor").asLong()).isEqualTo(fee);
        assertThat(kpis.get("adMinor").asLong()).isZero();
        assertThat(kpis.get("cmrMinor").asLong()).isEqualTo(fee);
        assertThat(kpis.get("takeRate").asDouble()).isCloseTo(fee / 40_000.0, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(kpis.get("subsidyMinor").asLong()).isZero();
        assertThat(kpis.get("newBuyers").asLong()).isEqualTo(2);
        assertThat(kpis.get("newMerchants").asLong()).isEqualTo(2);
        assertThat(kpis.get("annualActiveConsumers").asLong()).isEqualTo(2);
        assertThat(kpis.get("arpuMinor").asLong()).as("40000 over 12 months / 2 buyers").isEqualTo(20_000);
        assertThat(kpis.get("gmvCnyReportedMinor").asLong()).isEqualTo(40_000);
        assertThat(kpis.get("gmvCnyConstantMinor").asLong()).isEqualTo(40_000);

        JsonNode taobaoDay = market.kpis(day, day, "DAY", "TAOBAO").get(0);
        assertThat(taobaoDay.get("placedOrders").asLong()).isEqualTo(2);
        assertThat(taobaoDay.get("gmvMinor").asLong()).isEqualTo(20_000);
        assertThat(taobaoDay.get("revenueMinor").asLong()).isEqualTo(fee);
        assertThat(taobaoDay.hasNonNull("cmrMinor")).as("platform-wide figures are not split by segment").isFalse();
        JsonNode tmallDay = market.kpis(day, day, "DAY", "TMALL").get(0);
        assertThat(tmallDay.get("gmvMinor").asLong()).isEqualTo(20_000);
        assertThat(tmallDay.get("refundedMinor").asLong()).isEqualTo(20_000);

        // An event delivered twice counts once.
        market.publish(new OrderPaid(first, market.accountId(alice),
                taobao.storeId(), Money.of(20_000, "CNY"), List.of()));
        market.rollUp();
        assertThat(market.day(day).get("gmvMinor").asLong()).isEqualTo(40_000);
        assertThat(market.day(day).get("paidOrders").asLong()).isEqualTo(2);

        // In the next month Alice buys again: the cohort of the first month keeps one buyer of two. (Mid-month, so
        // that whatever day the shared clock stands at, the next calendar month is the one reached.)
        LocalDate nextMonth = YearMonth.from(day).plusMonths(1).atDay(15);
        market.clock().advance(Duration.ofDays(java.time.temporal.ChronoUnit.DAYS.between(market.today(), nextMonth)));
        LocalDate later = market.today();
        alice = market.login(aliceEmail, MarketFixture.PASSWORD);
        long third = market.placedOrder(alice, taobaoSku, 1);
        market.pay(alice, third);
        Activity activity = market.bean(Activity.class);
        activity.record("visitor-1", ActivityKind.VISIT);
        activity.record("visitor-1", ActivityKind.VISIT);
        activity.record("visitor-1", ActivityKind.VIEW);
        activity.record("visitor-2", ActivityKind.SEARCH);
        activity.record("visitor-2", ActivityKind.CART);
        // A shop visitor without a cookie yet opens a product page: a visit and a product view of a new visitor.
        assertThat(market.anonymous().page("/p/" + productId).status()).isEqualTo(200);
        activity.flush();
        market.rollUp();

        JsonNode cohorts = market.ok(market.operator().get("/api/v1/operator/insights/cohorts?from=" + YearMonth.from(day)
                + "&to=" + YearMonth.from(later) + "&grain=MONTH"));
        JsonNode cohort = cohorts.get(0);
        assertThat(cohort.get("cohort").asString()).isEqualTo(YearMonth.from(day).toString());
        assertThat(cohort.get("size").asLong()).isEqualTo(2);
        assertThat(cohort.get("retainedBasisPoints").get(0).asInt()).isEqualTo(10_000);
        assertThat(cohort.get("retainedBasisPoints").get(1).asInt()).as("one of two came back").isEqualTo(5_000);

        JsonNode laterDay = market.day(later);
        assertThat(laterDay.get("newBuyers").asLong()).as("Alice is not new any more").isZero();
        assertThat(laterDay.get("annualActiveConsumers").asLong()).isEqualTo(2);
        assertThat(laterDay.get("arpuMinor").asLong()).as("50000 over 12 months / 2 buyers").isEqualTo(25_000);
        assertThat(laterDay.get("dau").asLong()).isEqualTo(3);
        assertThat(laterDay.get("mau").asLong()).isEqualTo(3);
        JsonNode funnel = market.ok(market.operator().get("/api/v1/operator/insights/funnel?from=" + later + "&to=" + later));
        assertThat(funnel.get("visitors").asLong()).isEqualTo(3);
        assertThat(funnel.get("visits").asLong()).isEqualTo(3);
        assertThat(funnel.get("views").asLong()).isEqualTo(2);
        assertThat(funnel.get("carts").asLong()).isEqualTo(1);
        assertThat(funnel.get("placedOrders").asLong()).isEqualTo(1);
        assertThat(funnel.get("paidOrders").asLong()).isEqualTo(1);

        JsonNode months = market.kpis(day, later, "MONTH", "ALL");
        assertThat(months).hasSize(2);
        assertThat(months.get(0).get("gmvMinor").asLong()).isEqualTo(40_000);
        assertThat(months.get(1).get("gmvMinor").asLong()).isEqualTo(10_000);
    }

    @Test
    void gmvInEveryCurrencyIsShownAsReportedAndAtConstantCurrency() throws Exception {
        market.clock().advance(Duration.ofDays(1_500));
        LocalDate first = market.today();
        long category = market.category(0);
        String sellerEmail = MarketFixture.uniqueEmail("usd-seller");
        Api sellerApi = market.account("SELLER", sellerEmail);
        Api.Response store = sellerApi.create("/api/v1/stores", java.util.Map.of("name", "Dollar store " + first,
                "kind", "GLOBAL", "currency", "USD"));
        assertThat(store.status()).as("%s", store).isEqualTo(201);
        long sku = market.listedSku(new Seller(sellerApi, store.id()), category, 10_000, 10);
        String buyerEmail = MarketFixture.uniqueEmail("usd-buyer");
        Api buyer = market.account("BUYER", buyerEmail);
        assertThat(buyer.create("/api/v1/wallet/top-ups", java.util.Map.of("amountMinor", 100_000, "currency", "USD"))
                .status()).isEqualTo(201);
        market.pay(buyer, market.placedOrder(buyer, sku, 1));
        // The dollar is 7.00 yuan in the first month (the reference) and 6.00 on the second sale's day.
        loadRates("date,currency,rate\n" + first + ",USD,7.00\n");
        market.clock().advance(Duration.ofDays(35));
        LocalDate second = market.today();
        buyer = market.login(buyerEmail, MarketFixture.PASSWORD);
        market.pay(buyer, market.placedOrder(buyer, sku, 1));
        loadRates("date,currency,rate\n" + second + ",USD,6.00\n");
        market.rollUp();

        String range = "/api/v1/operator/insights/kpis?from=" + first + "&to=" + second + "&grain=MONTH";
        assertThat(sum(market.ok(market.operator().get(range + "&currency=USD")), "gmvMinor")).isEqualTo(20_000);
        JsonNode all = market.ok(market.operator().get(range + "&currency=CNY"));
        assertThat(sum(all, "gmvMinor")).as("no yuan sales in those days").isZero();
        // As reported: $100 at 7.00 + $100 at 6.00 = ¥1,300.00; at constant currency both at 7.00 = ¥1,400.00.
        assertThat(sum(all, "gmvCnyReportedMinor")).isEqualTo(130_000);
        assertThat(sum(all, "gmvCnyConstantMinor")).isEqualTo(140_000);
        assertThat(sum(market.ok(market.operator().get(range + "&currency=USD&segment=GLOBAL")), "gmvMinor"))
                .isEqualTo(20_000);
    }

    private void loadRates(String csv) throws Exception {
        java.net.http.HttpResponse<String> loaded = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(market.anonymous().uri("/api/v1/operator/fx/rates"))
                        .header("Content-Type", "text/csv").header("Authorization", "Bearer " + market.operator().token())
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(csv)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(loaded.statusCode()).as(loaded.body()).isEqualTo(201);
    }

    private static long sum(JsonNode rows, String field) {
        long sum = 0;
        for (JsonNode row : rows) {
            sum += row.hasNonNull(field) ? row.get(field).asLong() : 0;
        }
        return sum;
    }

    @Test
    void onlyOperatorsReadTheNumbersAndBadInputNamesItsField() {
        Api buyer = market.buyer(0);
        assertThat(buyer.get("/api/v1/operator/insights/kpis").status()).isEqualTo(403);
        assertThat(market.anonymous().get("/api/v1/operator/insights/kpis").status()).isEqualTo(401);
        Api.Response badDay = market.operator().get("/api/v1/operator/insights/kpis?from=yesterday");
        assertThat(badDay.status()).isEqualTo(400);
        assertThat(badDay.body()).contains("from");
        assertThat(market.operator().get("/api/v1/operator/insights/kpis?from=2026-12-10&to=2026-12-01").status()).isEqualTo(400);
        assertThat(market.operator().get("/api/v1/operator/insights/kpis?grain=FORTNIGHT").body()).contains("grain");
        assertThat(market.operator().get("/api/v1/operator/insights/kpis?segment=MALL").body()).contains("segment");
        assertThat(market.operator().get("/api/v1/operator/insights/kpis?currency=XYZ").status()).isEqualTo(400);
        assertThat(market.operator().get("/api/v1/operator/insights/quarters/2026Q5").status()).isEqualTo(400);
        Api.Response chinese = market.operator().in("zh-CN").get("/api/v1/operator/insights/kpis?grain=FORTNIGHT");
        assertThat(chinese.body()).contains("粒度");
    }
}
