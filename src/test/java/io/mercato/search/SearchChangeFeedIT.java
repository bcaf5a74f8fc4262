package io.mercato.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.mercato.MarketFixture.Seller;
import io.mercato.MercatoTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Another instance's change reaches this instance's index through the shared change log. The other instance is
 * simulated: the product is changed in the database without an event here, and the log row names another origin.
 */
@MercatoTest
class SearchChangeFeedIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void changesHandledByAnotherInstanceAreIndexedHereWithinASecond() {
        SearchFixture fixture = new SearchFixture(port);
        Seller seller = fixture.market.seller("TAOBAO");
        long category = fixture.category("Change feed " + System.nanoTime(), null);
        String before = "feedbefore" + Long.toString(System.nanoTime() % 1_000_000, 36).replaceAll("[0-9]", "x");
        String after = "feedafter" + Long.toString(System.nanoTime() % 1_000_000, 36).replaceAll("[0-9]", "y");
        long product = fixture.product(seller, "Mug " + before, category);
        fixture.awaitSearch("q=" + before, r -> r.get("total").asLong() == 1, Duration.ofSeconds(5));

        jdbc.sql("UPDATE catalog.products SET title = ? WHERE id = ?").params("Mug " + after, product).update();
        assertThat(fixture.searchText(after, "").get("total").asLong()).as("no event reached this instance").isZero();
        jdbc.sql("INSERT INTO search.index_changes (product_id, origin) VALUES (?, 'another-instance')").param(product).update();

        JsonNode found = fixture.awaitSearch("q=" + after, r -> SearchFixture.ids(r).equals(List.of(product)), Duration.ofSeconds(1));
        assertThat(SearchFixture.ids(found)).containsExactly(product);
        assertThat(fixture.searchText(before, "").get("total").asLong()).isZero();
    }
}
