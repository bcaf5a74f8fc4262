package io.mercato.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import io.mercato.Api;
import io.mercato.MarketFixture;
import io.mercato.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The festival and presale tests' fixture: festivals whose windows sit around the shared clock (presale open now for a
 * day, then the festival and its final-payment window), participating stores, enrolled SKUs and presale offers, all
 * through the real API.
 */
public class FestivalFixture extends MarketFixture implements BeforeEachCallback {

    public static final Duration DAY = Duration.ofDays(1);

    private @Nullable ApplicationContext application;

    @Override
    public void beforeEach(ExtensionContext context) {
        application = bindTo(context);
    }

    public <T> T bean(Class<T> type) {
        if (application == null) {
            throw new IllegalStateException("FestivalFixture is used before its test started");
        }
        return application.getBean(type);
    }

    public MutableClock clock() {
        return bean(MutableClock.class);
    }

    /**
     * A festival whose presale window opens now and lasts a day; the festival and its final-payment window start when
     * the presale closes; the final window lasts a day, the festival three.
     */
    public JsonNode festival() {
        Instant now = clock().instant();
        return festival(now, now.plus(DAY), now.plus(DAY), now.plus(DAY.multipliedBy(2)), now.plus(DAY),
                now.plus(DAY.multipliedBy(3)));
    }

    public JsonNode festival(Instant presaleFrom, Instant presaleUntil, Instant finalFrom, Instant finalUntil,
            Instant startsAt, Instant endsAt) {
        Map<String, Object> body = new HashMap<>();
        body.put("nameEn", "Singles Day " + uniqueEmail("f").substring(0, 8));
        body.put("nameZh", "双十一");
        body.put("startsAt", startsAt.toString());
        body.put("endsAt", endsAt.toString());
        body.put("presaleFrom", presaleFrom.toString());
        body.put("presaleUntil", presaleUntil.toString());
        body.put("finalFrom", finalFrom.toString());
        body.put("finalUntil", finalUntil.toString());
        Api.Response created = operator().create("/api/v1/operator/festivals", body);
        assertThat(created.status()).as("festival: %s", created).isEqualTo(201);
        return created.json();
    }

    public void join(long festivalId, long storeId) {
        Api.Response joined = operator().create("/api/v1/operator/festivals/" + festivalId + "/stores",
                Map.of("storeId", storeId));
        assertThat(joined.status()).as("join: %s", joined).isEqualTo(200);
    }

    public void enrol(Api seller, long festivalId, long skuId) {
        Api.Response enrolled = seller.create("/api/v1/festivals/" + festivalId + "/enrolments", Map.of("skuId", skuId));
        assertThat(enrolled.status()).as("enrol: %s", enrolled).isEqualTo(201);
    }

    /** A presale offer on the SKU, which this enrols in the festival with its store. */
    public long offer(Seller seller, long festivalId, long skuId, long depositMinor, long worthMinor, String rule,
            int perBuyerLimit) {
        join(festivalId, seller.storeId());
        enrol(seller.api(), festivalId, skuId);
        Api.Response offer = seller.api().create("/api/v1/festivals/" + festivalId + "/presales", Map.of("skuId", skuId,
                "depositMinor", depositMinor, "worthMinor", worthMinor, "unpaidRule", rule, "perBuyerLimit", perBuyerLimit));
        assertThat(offer.status()).as("offer: %s", offer).isEqualTo(201);
        return offer.id();
    }

    public Api.Response deposit(Api buyer, long offerId) {
        return buyer.create("/api/v1/presale-offers/" + offerId + "/deposits", Map.of("address", ADDRESS));
    }

    public long depositOk(Api buyer, long offerId) {
        Api.Response deposit = deposit(buyer, offerId);
        assertThat(deposit.status()).as("deposit: %s", deposit).isEqualTo(201);
        return deposit.id();
    }

    public Api.Response payFinal(Api buyer, long presaleId) {
        return buyer.create("/api/v1/presales/" + presaleId + "/final-payment", Map.of());
    }

    public int runPresaleTimers() {
        Api.Response run = operator().create("/api/v1/operator/presale-timers", null);
        assertThat(run.status()).as("presale timers: %s", run).isEqualTo(200);
        return run.json().get("closed").asInt();
    }

    public JsonNode presale(Api api, long presaleId) {
        Api.Response presale = api.get("/api/v1/presales/" + presaleId);
        assertThat(presale.status()).as("presale: %s", presale).isEqualTo(200);
        return presale.json();
    }

    public long available(long skuId) {
        return super.available(skuId);
    }

    /** The platform's trial balance: zero in every currency while the ledger is sound. */
    public Map<String, Long> trialBalance() {
        return bean(io.mercato.payment.Escrow.class).trialBalance();
    }

    /**
     * A platform voucher of the festival: {@code offMinor} off above {@code thresholdMinor}, claimable and valid from
     * now for three days; returns the pool's id.
     */
    public long festivalVoucher(long festivalId, long offMinor, long thresholdMinor) {
        Instant now = clock().instant();
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Festival voucher");
        body.put("amountOffMinor", offMinor);
        body.put("thresholdMinor", thresholdMinor);
        body.put("totalLimit", 100);
        body.put("perBuyerLimit", 1);
        body.put("claimFrom", now.toString());
        body.put("claimUntil", now.plus(DAY.multipliedBy(3)).toString());
        body.put("validFrom", now.toString());
        body.put("validUntil", now.plus(DAY.multipliedBy(3)).toString());
        Api.Response pool = operator().create("/api/v1/operator/festivals/" + festivalId + "/voucher-pools", body);
        assertThat(pool.status()).as("festival voucher: %s", pool).isEqualTo(201);
        return pool.json().get("poolId").asLong();
    }

    public long claim(Api buyer, long poolId) {
        Api.Response claim = buyer.create("/api/v1/pricing/coupon-pools/" + poolId + "/claims", null);
        assertThat(claim.status()).as("claim: %s", claim).isEqualTo(201);
        return claim.json().get("claimId").asLong();
    }

    /** The ledger balance of one of the platform's accounts (owner 0) of the kind in CNY, read through the operator. */
    public long platformBalance(String kind) {
        return bean(io.mercato.payment.Escrow.class).accounts(io.mercato.payment.AccountKind.valueOf(kind)).stream()
                .filter(a -> a.currency().equals("CNY")).mapToLong(a -> a.balanceMinor()).sum();
    }
}
