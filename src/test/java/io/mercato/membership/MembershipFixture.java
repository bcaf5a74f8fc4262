package io.mercato.membership;

import static org.assertj.core.api.Assertions.assertThat;

import io.mercato.Api;
import io.mercato.MarketFixture;
import io.mercato.MutableClock;
import io.mercato.payment.AccountKind;
import io.mercato.payment.Escrow;
import io.mercato.payment.LedgerAccount;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** The membership tests' fixture: the market's data, orders taken to delivery, points, the clock and the ledger. */
public final class MembershipFixture extends MarketFixture implements BeforeEachCallback {

    private @Nullable ApplicationContext application;
    private final Map<String, String> emails = new java.util.concurrent.ConcurrentHashMap<>();

    @Override
    public void beforeEach(ExtensionContext context) {
        application = bindTo(context);
    }

    public <T> T bean(Class<T> type) {
        if (application == null) {
            throw new IllegalStateException("MembershipFixture is used before its test started");
        }
        return application.getBean(type);
    }

    /** Publishes an event in a transaction of its own, as a module would (for at-least-once delivery checks). */
    public void publish(Object event) {
        if (application == null) {
            throw new IllegalStateException("MembershipFixture is used before its test started");
        }
        ApplicationContext context = application;
        bean(TransactionTemplate.class).executeWithoutResult(s -> context.publishEvent(event));
    }

    @Override
    public Api account(String role, String email) {
        Api account = super.account(role, email);
        emails.put(account.token(), email);
        return account;
    }

    /** The account logged in again: tokens expire when a test moves the clock a long way. */
    public Api again(Api account) {
        String email = emails.get(account.token());
        if (email == null) {
            throw new IllegalStateException("Only accounts this fixture made can log in again");
        }
        Api fresh = login(email, PASSWORD);
        emails.put(fresh.token(), email);
        return fresh;
    }

    public MutableClock clock() {
        return bean(MutableClock.class);
    }

    /** A listed SKU of a new Taobao store at the price. */
    public long sku(long priceMinor) {
        return listedSku(seller("TAOBAO"), category(0), priceMinor, 1_000);
    }

    /** A buyer with {@code wallet} left in the wallet after buying {@code points} points' worth (one per RMB). */
    public Api buyerWithPoints(long points, long wallet) {
        Api buyer = buyer(points * 100 + wallet);
        if (points > 0) {
            paidOrder(buyer, sku(points * 100), 1);
        }
        assertThat(points(buyer)).isEqualTo(points);
        return buyer;
    }

    public long points(Api buyer) {
        Api.Response points = buyer.get("/api/v1/membership/points");
        assertThat(points.status()).as("points: %s", points).isEqualTo(200);
        return points.json().get("balance").asLong();
    }

    public JsonNode vip(Api buyer) {
        Api.Response vip = buyer.get("/api/v1/membership/vip");
        assertThat(vip.status()).as("vip: %s", vip).isEqualTo(200);
        return vip.json();
    }

    /** Ships and delivers a paid order as its seller. */
    public void deliver(Api seller, long orderId) {
        Api.Response shipped = seller.post("/api/v1/orders/" + orderId + "/shipment",
                Map.of("carrier", "SF Express", "trackingNumber", "SF1234567890"));
        assertThat(shipped.status()).as("ship: %s", shipped).isEqualTo(200);
        Api.Response delivered = seller.post("/api/v1/orders/" + orderId + "/delivery", null);
        assertThat(delivered.status()).as("deliver: %s", delivered).isEqualTo(200);
    }

    public long lineId(Api api, long orderId) {
        return api.get("/api/v1/orders/" + orderId).json().get("lines").get(0).get("id").asLong();
    }

    public long membershipRevenue() {
        return bean(Escrow.class).accounts(AccountKind.MEMBERSHIP_REVENUE).stream()
                .filter(account -> account.currency().equals("CNY")).mapToLong(LedgerAccount::balanceMinor).sum();
    }

    public void assertLedgerBalanced() {
        bean(Escrow.class).trialBalance()
                .forEach((currency, sum) -> assertThat(sum).as("trial balance in %s", currency).isZero());
    }
}
