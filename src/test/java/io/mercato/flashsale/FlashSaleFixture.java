package io.mercato.flashsale;

import static org.assertj.core.api.Assertions.assertThat;

import io.mercato.Api;
import io.mercato.MarketFixture;
import io.mercato.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/** A market with flash sales: schedules them over the API and reads their books. */
final class FlashSaleFixture extends MarketFixture implements BeforeEachCallback {

    private ApplicationContext application;

    @Override
    public void beforeEach(ExtensionContext context) {
        application = bindTo(context);
    }

    MutableClock clock() {
        return application.getBean(MutableClock.class);
    }

    org.springframework.jdbc.core.simple.JdbcClient jdbc() {
        return application.getBean(org.springframework.jdbc.core.simple.JdbcClient.class);
    }

    FlashSales sales() {
        return application.getBean(FlashSales.class);
    }

    long sku(Seller seller, long priceMinor, long stock) {
        return listedSku(seller, category(0), priceMinor, stock);
    }

    Api.Response schedule(Api actor, long skuId, long priceMinor, long quantity, int limit, Instant startsAt,
            Instant endsAt) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Flash " + skuId);
        body.put("skuId", skuId);
        body.put("priceMinor", priceMinor);
        body.put("quantity", quantity);
        body.put("perBuyerLimit", limit);
        body.put("startsAt", startsAt.toString());
        body.put("endsAt", endsAt.toString());
        return actor.create("/api/v1/flash-sales", body);
    }

    long liveSale(Seller seller, long skuId, long priceMinor, long quantity, int limit) {
        Instant now = clock().instant();
        Api.Response sale = schedule(seller.api(), skuId, priceMinor, quantity, limit, now, now.plus(Duration.ofDays(2)));
        assertThat(sale.status()).as("schedule: %s", sale).isEqualTo(201);
        return sale.id();
    }

    Api.Response attempt(Api buyer, long saleId, long quantity) {
        return buyer.create("/api/v1/flash-sales/" + saleId + "/attempts", Map.of("quantity", quantity, "address", ADDRESS));
    }

    Api.Response attempt(Api buyer, long saleId, long quantity, String key) {
        return buyer.post("/api/v1/flash-sales/" + saleId + "/attempts", Map.of("quantity", quantity, "address", ADDRESS), key);
    }

    JsonNode sale(long saleId) {
        return anonymous().get("/api/v1/flash-sales/" + saleId).json();
    }

    /** The sale's books, as an operator reads them. */
    JsonNode tally(long saleId) {
        Api.Response tally = operator().get("/api/v1/flash-sales/" + saleId + "/tally");
        assertThat(tally.status()).as("tally: %s", tally).isEqualTo(200);
        return tally.json();
    }

    static void eventually(String what, BooleanSupplier condition) {
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("Not within 20 s: " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
