package io.mercato.payment.internal;

import io.mercato.payment.AccountKind;
import io.mercato.platform.ConflictException;
import io.mercato.platform.Money;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes balanced postings. A posting's reference is unique, so writing the same business event twice posts
 * once. Balances are updated in the same transaction, guarded so that no account but the provider clearing
 * account can go below zero.
 */
@Component
class Ledger {

    private final JdbcClient jdbc;
    private final Clock clock;

    Ledger(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    record Leg(AccountKind kind, long ownerId, long amountMinor) {
    }

    /**
     * Posts the legs (which must sum to zero) unless a posting with this reference exists.
     *
     * @return the new posting's id, or empty when the reference was already posted
     * @throws ConflictException when a debit would take an account below zero
     */
    @Transactional(propagation = Propagation.MANDATORY)
    Optional<Long> post(String kind, @Nullable Long orderId, String reference, String memo, String currency,
            List<Leg> legs) {
        long sum = legs.stream().mapToLong(Leg::amountMinor).sum();
        if (sum != 0) {
            throw new IllegalStateException("Posting " + reference + " does not balance: legs sum to " + sum);
        }
        Optional<Long> postingId = jdbc.sql("""
                INSERT INTO payment.postings (kind, order_id, reference, memo, currency, created_at)
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (reference) DO NOTHING RETURNING id""")
                .params(kind, orderId, reference, memo, currency, Timestamp.from(clock.instant()))
                .query(Long.class).optional();
        if (postingId.isEmpty()) {
            return postingId;
        }
        // Locks are taken in one order (kind, owner) so that concurrent postings cannot deadlock.
        List<Leg> ordered = legs.stream().filter(leg -> leg.amountMinor() != 0)
                .sorted(Comparator.comparing(Leg::kind).thenComparingLong(Leg::ownerId)).toList();
        for (Leg leg : ordered) {
            long accountId = apply(leg, currency);
            jdbc.sql("INSERT INTO payment.entries (posting_id, account_id, amount_minor) VALUES (?, ?, ?)")
                    .params(postingId.get(), accountId, leg.amountMinor()).update();
        }
        return postingId;
    }

    private long apply(Leg leg, String currency) {
        Optional<Long> updated = update(leg, currency);
        if (updated.isPresent()) {
            return updated.get();
        }
        // The account may be missing, or may have been created by a transaction that committed after the
        // update above began: create it if absent, then try once more before calling it a shortfall.
        if (accountId(leg.kind(), leg.ownerId(), currency).isEmpty()) {
            jdbc.sql("""
                    INSERT INTO payment.accounts (kind, owner_id, currency, balance_minor, may_go_negative)
                    VALUES (?, ?, ?, 0, ?) ON CONFLICT (kind, owner_id, currency) DO NOTHING""")
                    .params(leg.kind().name(), leg.ownerId(), currency, leg.kind() == AccountKind.PROVIDER_CLEARING)
                    .update();
        }
        updated = update(leg, currency);
        if (updated.isPresent()) {
            return updated.get();
        }
        long balance = balance(leg.kind(), leg.ownerId(), currency);
        throw new ConflictException(describe(leg.kind()) + " holds " + new Money(balance, java.util.Currency.getInstance(currency))
                + ", " + new Money(-leg.amountMinor(), java.util.Currency.getInstance(currency)) + " needed");
    }

    private Optional<Long> update(Leg leg, String currency) {
        return jdbc.sql("""
                UPDATE payment.accounts SET balance_minor = balance_minor + :amount
                WHERE kind = :kind AND owner_id = :owner AND currency = :currency
                  AND (may_go_negative OR balance_minor + :amount >= 0)
                RETURNING id""")
                .param("amount", leg.amountMinor()).param("kind", leg.kind().name()).param("owner", leg.ownerId())
                .param("currency", currency).query(Long.class).optional();
    }

    Optional<Long> accountId(AccountKind kind, long ownerId, String currency) {
        return jdbc.sql("SELECT id FROM payment.accounts WHERE kind = ? AND owner_id = ? AND currency = ?")
                .params(kind.name(), ownerId, currency).query(Long.class).optional();
    }

    long balance(AccountKind kind, long ownerId, String currency) {
        return jdbc.sql("SELECT balance_minor FROM payment.accounts WHERE kind = ? AND owner_id = ? AND currency = ?")
                .params(kind.name(), ownerId, currency).query(Long.class).optional().orElse(0L);
    }

    private static String describe(AccountKind kind) {
        return switch (kind) {
            case WALLET -> "Wallet";
            case ESCROW -> "Escrow";
            case MERCHANT -> "Merchant balance";
            case FEE_REVENUE -> "Fee revenue";
            case SALES_REVENUE -> "Sales revenue";
            case PROVIDER_CLEARING -> "Provider clearing";
        };
    }
}
