package io.mercato.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import io.mercato.Api;
import io.mercato.MarketFixture;
import io.mercato.MercatoTest;
import io.mercato.MutableClock;
import io.mercato.identity.Accounts;
import io.mercato.insights.Grain;
import io.mercato.insights.Insights;
import io.mercato.platform.Actor;
import io.mercato.platform.Role;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The market simulator end to end: it drives the platform through the real paths at the simulated hours, one seed
 * replays the same orders and amounts (also across a stop and a resume), another seed gives another market, and
 * only operators may run it.
 */
@MercatoTest
class MarketSimulatorIT {

    private static final ZoneId MARKET = ZoneId.of("Asia/Shanghai");

    @Autowired
    MarketSimulator simulator;
    @Autowired
    Accounts accounts;
    @Autowired
    MutableClock clock;
    @Autowired
    Insights insights;
    @Autowired
    io.mercato.ads.AdCampaigns campaigns;
    @LocalServerPort
    int port;

    private MarketFixture market;
    private Actor operator;

    @BeforeEach
    void operator() throws InterruptedException {
        market = new MarketFixture(port);
        operator = new Actor(accounts.findByEmail(MarketFixture.OPERATOR_EMAIL).orElseThrow().id(), Role.OPERATOR);
        // One run works at a time: wait out one another test class may have left working.
        Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
        while (simulator.list(operator, 200).stream().anyMatch(run -> run.status() == SimulationRun.Status.RUNNING)
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
    }

    /** An order as the market sees it, without the id the platform gave it. */
    private record Trade(int day, int hour, int consumer, int merchant, int sku, int quantity, long totalMinor,
            String fate) {
    }

    private static List<Trade> trades(List<SimulatedOrder> orders) {
        return orders.stream().map(o -> new Trade(o.dayIndex(), o.hour(), o.consumer(), o.merchant(), o.sku(),
                o.quantity(), o.totalMinor(), o.fate())).toList();
    }

    private static SimulationPlan plan(String label, long seed) {
        return new SimulationPlan(label, seed, 300, 5, 5, null, 2);
    }

    @Test
    void oneSeedReplaysTheSameOrdersThroughAStopAndAResumeAndAnotherSeedGivesAnotherMarket() {
        Instant before = clock.instant();
        SimulationRun first = simulator.runToEnd(operator, plan("replay a", 7));
        assertThat(first.status()).isEqualTo(SimulationRun.Status.FINISHED);
        assertThat(first.daysDone()).isEqualTo(5);
        assertThat(clock.instant()).as("the clock is handed back where the test had it").isEqualTo(before);
        List<Trade> expected = trades(simulator.orders(operator, first.id()));
        assertThat(expected).hasSizeGreaterThan(20);
        assertThat(expected).extracting(Trade::fate).contains("KEPT", "RETURNED");
        assertThat(first.orders()).isEqualTo(expected.size());

        // The same seed again, stopped once a day has finished and resumed: the same orders at the same amounts.
        Api operatorApi = market.operator();
        Api.Response started = operatorApi.post("/api/v1/operator/simulations", Map.of("label", "replay b", "seed", 7,
                "consumers", 300, "merchants", 5, "days", 5, "parallelism", 2));
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        long runId = started.id();
        await(operatorApi, runId, run -> run.get("daysDone").asInt() >= 1);
        assertThat(operatorApi.post("/api/v1/operator/simulations/" + runId + "/stop", null).status()).isEqualTo(202);
        JsonNode stopped = await(operatorApi, runId, run -> !run.get("status").asString().equals("RUNNING"));
        assertThat(stopped.get("status").asString()).isEqualTo("STOPPED");
        assertThat(stopped.get("daysDone").asInt()).isBetween(1, 4);
        assertThat(operatorApi.get("/api/v1/operator/simulations/" + runId + "/days").json()).hasSize(stopped.get("daysDone").asInt());

        assertThat(operatorApi.post("/api/v1/operator/simulations/" + runId + "/resume", null).status()).isEqualTo(202);
        JsonNode resumed = await(operatorApi, runId, run -> run.get("status").asString().equals("FINISHED"));
        assertThat(resumed.get("daysDone").asInt()).isEqualTo(5);
        assertThat(trades(simulator.orders(operator, runId))).isEqualTo(expected);
        assertThat(resumed.get("gmvMinor").asLong()).isEqualTo(first.gmvMinor());

        SimulationRun other = simulator.runToEnd(operator, plan("replay c", 8));
        assertThat(trades(simulator.orders(operator, other.id()))).isNotEqualTo(expected);
    }

    @Test
    void theOrdersWentThroughThePlatformAtTheirSimulatedHours() {
        SimulationRun run = simulator.runToEnd(operator, new SimulationPlan("real paths", 11, 300, 4, 10, null, 2));
        List<SimulatedOrder> orders = simulator.orders(operator, run.id());
        Api operatorApi = market.operator();
        LocalDate firstDay = run.firstDay();
        int checked = 0;
        for (SimulatedOrder placed : orders) {
            JsonNode order = operatorApi.get("/api/v1/orders/" + placed.orderId()).json();
            Instant placedAt = Instant.parse(order.get("placedAt").asString());
            assertThat(placedAt).as("order %s placed in its simulated hour", placed.orderId())
                    .isEqualTo(firstDay.plusDays(placed.dayIndex()).atTime(placed.hour(), 0).atZone(MARKET).toInstant());
            assertThat(order.get("totalMinor").asLong()).isEqualTo(placed.totalMinor());
            String status = order.get("status").asString();
            switch (placed.fate()) {
                case "ABANDONED" -> assertThat(status).isEqualTo("CANCELLED");
                case "REFUNDED_BEFORE_SHIPPING" -> assertThat(status).isEqualTo("REFUNDED");
                default -> {
                    if (placed.dayIndex() < 4) {
                        // Ten days are long enough for an order of the first four to ship, arrive and be kept or returned.
                        assertThat(status).as("order %s (%s)", placed.orderId(), placed.fate())
                                .isEqualTo(placed.fate().equals("RETURNED") ? "REFUNDED" : "COMPLETED");
                        JsonNode postings = operatorApi.get("/api/v1/orders/" + placed.orderId() + "/postings").json();
                        assertThat(postings.toString()).contains("order:" + placed.orderId() + ":payment");
                        checked++;
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(5);
        List<SimulatedDay> days = simulator.days(operator, run.id(), 100);
        assertThat(days).hasSize(10);
        assertThat(days.stream().mapToInt(SimulatedDay::orders).sum()).isEqualTo(orders.size());
        assertThat(days.stream().mapToInt(SimulatedDay::newBuyers).sum()).isPositive();
        assertThat(days.stream().mapToInt(SimulatedDay::visitors).sum()).as("most visits end without an order")
                .isGreaterThan(3 * orders.size());
        assertThat(days.stream().mapToInt(SimulatedDay::reviews).sum()).isPositive();
        assertThat(days.stream().mapToInt(SimulatedDay::refused).sum()).as("nothing the market did was refused").isZero();
    }

    @Test
    void simulatedDaysShowChargedSponsoredClicksAndTheMerchantsWhoPaidForThem() {
        SimulationRun run = simulator.runToEnd(operator, new SimulationPlan("sponsored", 17, 300, 12, 4, null, 4, 5.0));
        List<SimulatedDay> days = simulator.days(operator, run.id(), 10);
        assertThat(days).hasSize(4);
        int clicks = days.stream().mapToInt(SimulatedDay::adClicks).sum();
        assertThat(clicks).as("consumers click the sponsored tiles of the merchants who advertise, and are charged")
                .isPositive();
        assertThat(days.stream().mapToInt(SimulatedDay::refused).sum()).isZero();

        // The ads module charged them: its campaigns' click lists show charged clicks at the simulated hours.
        Instant from = run.firstDay().atStartOfDay(MARKET).toInstant();
        Instant to = run.firstDay().plusDays(4).atStartOfDay(MARKET).toInstant();
        long charged = 0;
        for (io.mercato.ads.Campaign campaign : campaigns.list(operator)) {
            charged += campaigns.clicks(operator, campaign.id(), 500).stream()
                    .filter(click -> click.outcome().equals("CHARGED") && !click.at().isBefore(from) && click.at().isBefore(to))
                    .count();
        }
        assertThat(charged).isGreaterThanOrEqualTo(clicks);

        // The charges reached the ledger's ad revenue and the insights figure of merchants paying for ads, with no
        // recompute: the run took its past days' booked figures again when it finished.
        List<Insights.KpiRow> kpis = insights.kpis(operator, run.firstDay(), run.firstDay().plusDays(3), Grain.DAY, "CNY",
                Insights.ALL);
        assertThat(kpis.stream().mapToLong(row -> row.adMinor() == null ? 0 : row.adMinor()).sum()).isPositive();
        assertThat(kpis.stream().mapToLong(row -> row.adMerchants() == null ? 0 : row.adMerchants()).max().orElse(0))
                .isPositive();
    }

    @Test
    void onlyOperatorsRunSimulationsAndBadPlansAreRefusedByField() {
        Api buyer = market.buyer(0);
        assertThat(buyer.get("/api/v1/operator/simulations").status()).isEqualTo(403);
        assertThat(buyer.post("/api/v1/operator/simulations", Map.of("seed", 1, "consumers", 10, "merchants", 2, "days", 1))
                .status()).isEqualTo(403);
        assertThat(market.anonymous().get("/api/v1/operator/simulations").status()).isEqualTo(401);

        Api operatorApi = market.operator();
        Api.Response tooFew = operatorApi.in("zh-CN").post("/api/v1/operator/simulations",
                Map.of("seed", 1, "consumers", 0, "merchants", 2, "days", 1));
        assertThat(tooFew.status()).isEqualTo(400);
        assertThat(tooFew.body()).contains("consumers").contains("消费者人数");
        Api.Response noSeed = operatorApi.post("/api/v1/operator/simulations", Map.of("consumers", 10, "merchants", 2, "days", 1));
        assertThat(noSeed.status()).isEqualTo(400);
        assertThat(noSeed.body()).contains("seed");
        Api.Response future = operatorApi.post("/api/v1/operator/simulations", Map.of("seed", 1, "consumers", 10, "merchants", 2,
                "days", 3, "firstDay", LocalDate.ofInstant(clock.instant(), MARKET).minusDays(1).toString()));
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.body()).contains("firstDay");
        assertThat(operatorApi.get("/api/v1/operator/simulations/999999").status()).isEqualTo(404);
        assertThat(operatorApi.get("/api/v1/operator/simulations").json().toString()).doesNotContain("Exception");
    }

    private static JsonNode await(Api api, long runId, Predicate<JsonNode> condition) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            JsonNode run = api.get("/api/v1/operator/simulations/" + runId).json();
            if (condition.test(run) || run.get("status").asString().equals("FAILED")) {
                return run;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("simulation run " + runId + " did not get there in 3 minutes");
    }
}
