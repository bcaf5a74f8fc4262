package io.mercato.insights;

import static org.assertj.core.api.Assertions.assertThat;

import io.mercato.Api;
import io.mercato.MarketFixture;
import io.mercato.MarketFixture.Seller;
import io.mercato.MercatoTest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * A random history through the real order paths (checkouts paid and unpaid, refunds before shipment, completions,
 * returns after completion that give fees back, days and months passing), then the roll-ups the events kept
 * incrementally must equal a full recompute from the sources, figure for figure. The seed is printed on failure;
 * {@code -Dmercato.seed=<seed>} replays it.
 */
@MercatoTest
class RollUpRecomputeIT {

    private static final String[] SEGMENTS = {"ALL", "TAOBAO", "TMALL", "LOCAL", "GLOBAL"};

    @RegisterExtension
    final InsightsFixture market = new InsightsFixture();

    /** Who bought from whom, by index into the test's buyers and sellers (whose logins are renewed as time passes). */
    private record Sale(int buyer, int seller, long orderId) {
    }

    @Test
    void incrementalRollUpsEqualAFullRecomputeAfterARandomHistory() {
        long seed = Long.getLong("mercato.seed", System.nanoTime());
        Random random = new Random(seed);
        String context = "seed " + seed + " (replay with -Dmercato.seed=" + seed + ")";
        market.clock().advance(Duration.ofDays(800));
        LocalDate start = market.today();
        long category = market.category(300);
        List<String> sellerEmails = new ArrayList<>();
        List<Api> sellers = new ArrayList<>();
        List<Long> skus = new ArrayList<>();
        for (String kind : new String[] {"TAOBAO", "TMALL", "LOCAL", "GLOBAL"}) {
            String email = MarketFixture.uniqueEmail("seller");
            Api api = market.account("SELLER", email);
            Seller seller = new Seller(api, market.openStore(api, kind));
            sellerEmails.add(email);
            sellers.add(api);
            skus.add(market.listedSku(seller, category, 1_000 + random.nextInt(20_000), 10_000));
        }
        List<String> buyerEmails = new ArrayList<>();
        List<Api> buyers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String email = MarketFixture.uniqueEmail("buyer");
            Api buyer = market.account("BUYER", email);
            market.topUp(buyer, 50_000_000);
            buyerEmails.add(email);
            buyers.add(buyer);
        }
        List<Sale> paid = new ArrayList<>();
        List<Sale> completed = new ArrayList<>();
        StringBuilder history = new StringBuilder();
        for (int step = 0; step < 60; step++) {
            int action = random.nextInt(10);
            if (action <= 3 || paid.isEmpty()) {
                int s = random.nextInt(sellers.size());
                int b = random.nextInt(buyers.size());
                long order = market.placedOrder(buyers.get(b), skus.get(s), 1 + random.nextInt(3));
                if (random.nextInt(5) > 0) {
                    market.pay(buyers.get(b), order);
                    paid.add(new Sale(b, s, order));
                    history.append(" pay:").append(order);
                } else {
                    history.append(" place:").append(order);
                }
            } else if (action == 4) {
                Sale sale = paid.remove(random.nextInt(paid.size()));
                market.refund(buyers.get(sale.buyer()), sale.orderId());
                history.append(" refund:").append(sale.orderId());
            } else if (action <= 6) {
                Sale sale = paid.remove(random.nextInt(paid.size()));
                market.ship(sellers.get(sale.seller()), sale.orderId());
                market.deliver(sellers.get(sale.seller()), sale.orderId());
                market.confirm(buyers.get(sale.buyer()), sale.orderId());
                completed.add(sale);
                history.append(" complete:").append(sale.orderId());
            } else if (action == 7 && !completed.isEmpty()) {
                Sale sale = completed.remove(random.nextInt(completed.size()));
                long refund = market.refund(buyers.get(sale.buyer()), sale.orderId());
                market.approve(sellers.get(sale.seller()), refund);
                history.append(" return:").append(sale.orderId());
            } else {
                Duration pass = random.nextInt(4) == 0 ? Duration.ofDays(20 + random.nextInt(20))
                        : Duration.ofHours(1 + random.nextInt(30));
                market.clock().advance(pass);
                for (int i = 0; i < buyers.size(); i++) {
                    buyers.set(i, market.login(buyerEmails.get(i), MarketFixture.PASSWORD));
                }
                for (int i = 0; i < sellers.size(); i++) {
                    sellers.set(i, market.login(sellerEmails.get(i), MarketFixture.PASSWORD));
                }
                if (pass.toDays() >= 7) {
                    completed.clear(); // their return window has closed
                }
                history.append(" wait:").append(pass);
            }
        }
        market.rollUp();
        LocalDate end = market.today();
        List<String> incremental = snapshot(start, end);
        JsonNode recomputed = market.ok(market.operator().post("/api/v1/operator/insights/recompute", null));
        assertThat(recomputed.get("orders").asLong()).isPositive();
        List<String> again = snapshot(start, end);
        for (int i = 0; i < incremental.size(); i++) {
            assertThat(again.get(i)).as("%s, history%s", context, history).isEqualTo(incremental.get(i));
        }
        assertThat(incremental.get(0)).as(context).contains("\"gmvMinor\"");
    }

    private List<String> snapshot(LocalDate from, LocalDate to) {
        List<String> views = new ArrayList<>();
        for (String segment : SEGMENTS) {
            views.add(market.kpis(from, to, "DAY", segment).toString());
        }
        views.add(market.kpis(from, to, "MONTH", "ALL").toString());
        views.add(market.ok(market.operator().get("/api/v1/operator/insights/segments?from=" + from + "&to=" + to)).toString());
        views.add(market.ok(market.operator().get("/api/v1/operator/insights/cohorts?from=" + YearMonth.from(from) + "&to="
                + YearMonth.from(to))).toString());
        return views;
    }
}
