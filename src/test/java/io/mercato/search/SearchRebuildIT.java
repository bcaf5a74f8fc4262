package io.mercato.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.mercato.Api;
import io.mercato.MarketFixture.Seller;
import io.mercato.MercatoTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** A full rebuild runs while queries keep being answered from the old index, then swaps without a gap. */
@MercatoTest
class SearchRebuildIT {

    @LocalServerPort
    int port;

    @Test
    void rebuildWhileQueriesRun() throws Exception {
        SearchFixture fixture = new SearchFixture(port);
        Seller seller = fixture.market.seller("TAOBAO");
        long category = fixture.category("Rebuild " + System.nanoTime(), null);
        String word = "rebuildword" + (char) ('a' + (System.nanoTime() % 26)) + (char) ('a' + (System.nanoTime() / 7 % 26));
        long edited = 0;
        for (int i = 0; i < 30; i++) {
            edited = fixture.product(seller, "Vase " + word + " " + i, category);
        }
        String query = "q=" + word + "&store=" + seller.storeId();
        fixture.awaitSearch(query, r -> r.get("total").asLong() == 30, Duration.ofSeconds(10));

        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger answered = new AtomicInteger();
        ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
        Thread searcher = new Thread(() -> {
            long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (running.get() && System.nanoTime() < end) {
                Api.Response response = fixture.market.anonymous().get("/api/v1/search?" + query + "&size=5");
                if (response.status() != 200 || response.json().get("total").asLong() != 30) {
                    problems.add(response.toString());
                }
                answered.incrementAndGet();
            }
        });
        searcher.start();

        Api operator = fixture.market.operator();
        Api.Response started = operator.post("/api/v1/operator/search/rebuild", null);
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        assertThat(seller.api().patch("/api/v1/products/" + edited, Map.of("title", "Vase " + word + " renamedduringrebuild"))
                .status()).isEqualTo(200);
        JsonNode progress = started.json();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!progress.get("state").asString().equals("DONE") && System.nanoTime() < deadline) {
            Thread.sleep(50);
            progress = operator.get("/api/v1/operator/search/rebuild").json();
            assertThat(progress.get("state").asString()).isIn("RUNNING", "DONE");
        }
        Thread.sleep(300);
        running.set(false);
        searcher.join();

        assertThat(progress.get("state").asString()).isEqualTo("DONE");
        assertThat(progress.get("done").asLong()).isEqualTo(progress.get("total").asLong()).isGreaterThanOrEqualTo(30);
        assertThat(progress.get("indexedProducts").asLong()).isGreaterThanOrEqualTo(30);
        assertThat(problems).isEmpty();
        assertThat(answered.get()).isGreaterThan(0);
        long renamed = edited;
        JsonNode after = fixture.awaitSearch("q=renamedduringrebuild&store=" + seller.storeId(),
                r -> SearchFixture.ids(r).equals(List.of(renamed)), Duration.ofSeconds(1));
        assertThat(SearchFixture.ids(after)).containsExactly(renamed);
        assertThat(fixture.search(query).get("total").asLong()).isEqualTo(30);
    }

    @Test
    void onlyOperatorsRebuild() {
        SearchFixture fixture = new SearchFixture(port);
        assertThat(fixture.market.anonymous().post("/api/v1/operator/search/rebuild", null).status()).isEqualTo(401);
        assertThat(fixture.market.account("BUYER").post("/api/v1/operator/search/rebuild", null).status()).isEqualTo(403);
        assertThat(fixture.market.account("SELLER").get("/api/v1/operator/search/rebuild").status()).isEqualTo(403);
    }
}
