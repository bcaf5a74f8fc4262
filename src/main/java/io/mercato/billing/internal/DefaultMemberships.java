package io.mercato.billing.internal;

import io.mercato.billing.FeeRule;
import io.mercato.billing.FeeRuleKind;
import io.mercato.billing.Membership;
import io.mercato.billing.Memberships;
import io.mercato.merchant.Store;
import io.mercato.merchant.StoreKind;
import io.mercato.merchant.StoreStatus;
import io.mercato.merchant.Stores;
import io.mercato.payment.MerchantLedger;
import io.mercato.platform.Actor;
import io.mercato.platform.Money;
import io.mercato.platform.Role;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Bills wholesale memberships, one store per transaction. A year is billed when the store is first seen active
 * (from then) and each time a year ends (from its end, so years follow one another without gaps). The fee is
 * the membership rule in force when the year begins, in the store's currency; a store whose currency has no
 * membership rule is not billed. The merchant balance pays what it can; the rest is the merchant's debt, which
 * its later settlements pay first. The store keeps selling while it owes: the debt is the platform's security.
 */
@Service
class DefaultMemberships implements Memberships {

    private static final Logger log = LoggerFactory.getLogger(DefaultMemberships.class);

    private final FeeRuleStore store;
    private final Stores stores;
    private final MerchantLedger ledger;
    private final TransactionTemplate transactions;
    private final Clock clock;

    DefaultMemberships(FeeRuleStore store, Stores stores, MerchantLedger ledger, TransactionTemplate transactions,
            Clock clock) {
        this.store = store;
        this.stores = stores;
        this.ledger = ledger;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public int billDue() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        int billed = 0;
        for (Store wholesale : stores.withStatus(StoreStatus.ACTIVE)) {
            billed += bill(wholesale, now);
        }
        return billed;
    }

    @Override
    public int billDue(long storeId) {
        return bill(stores.get(storeId), clock.instant().truncatedTo(ChronoUnit.MICROS));
    }

    private int bill(Store wholesale, Instant now) {
        if (wholesale.kind() != StoreKind.WHOLESALE || wholesale.status() != StoreStatus.ACTIVE) {
            return 0;
        }
        int billed = 0;
        // A store that missed several years (the timer was off) is billed each of them in turn.
        for (int year = 0; year < 10; year++) {
            Boolean done = transactions.execute(status -> billOne(wholesale, now));
            if (!Boolean.TRUE.equals(done)) {
                break;
            }
            billed++;
        }
        return billed;
    }

    /** Bills the store's next year if it is due now; whether it billed one. */
    private boolean billOne(Store wholesale, Instant now) {
        Optional<Membership> latest = store.latestMembership(wholesale.id());
        if (latest.isPresent() && latest.get().endsAt().isAfter(now)) {
            return false;
        }
        Instant startsAt = latest.map(Membership::endsAt).orElse(now);
        Instant endsAt = startsAt.atOffset(ZoneOffset.UTC).plusYears(1).toInstant();
        List<FeeRule> rules = store.rules(FeeRuleKind.MEMBERSHIP).stream()
                .filter(rule -> wholesale.currency().equals(rule.currency())).toList();
        Optional<FeeRule> rule = FeeRuleStore.inForce(rules, startsAt, wholesale.id(), wholesale.kind(), null);
        if (rule.isEmpty() || rule.get().amountMinor() == null) {
            return false;
        }
        Money fee = new Money(rule.get().amountMinor(), Currency.getInstance(wholesale.currency()));
        Optional<Long> id = store.insertMembership(wholesale.id(), wholesale.ownerAccountId(), rule.get().id(), startsAt,
                endsAt, fee, now);
        if (id.isEmpty()) {
            return false;
        }
        if (fee.isPositive()) {
            Money debt = ledger.chargeFee("membership:" + id.get(), wholesale.ownerAccountId(), fee,
                    "Wholesale membership of store " + wholesale.id() + " from " + startsAt + " to " + endsAt);
            store.membershipDebt(id.get(), debt.minor());
            if (debt.isPositive()) {
                log.info("Store {} could not pay {} of its membership; booked as the merchant's debt", wholesale.id(), debt);
            }
        }
        return true;
    }

    @Override
    public List<Membership> memberships(Actor actor) {
        actor.require(Role.SELLER, Role.OPERATOR);
        return store.memberships(actor.is(Role.OPERATOR) ? null : actor.accountId());
    }
}
