package io.mercato.payment.internal;

import io.mercato.payment.AccountKind;
import io.mercato.platform.ConflictException;
import io.mercato.platform.Money;
import io.mercato.platform.Text;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes balanced postings. A posting's reference is unique, so writing the same business event twice posts
 * once. Balances change in the same transaction, guarded so that no account but the provider clearing account
 * can go below zero.
 *
 * <p>Accounts come in two styles. A wallet or a merchant balance belongs to one account holder and is mostly
 * debited by them, so its row is updated in place with a guard. Escrow, provider clearing and the platform's
 * revenue accounts are shared by everyone paying one store, or by the whole platform: updating their rows
 * would make every payment to a popular store wait for the one before it to commit. They are append-only: a
 * posting appends its amount to {@code payment.balance_deltas} without locking the account, and
 * {@link BalanceRollUp} folds the deltas into the row every second. Their balance is the row's plus its deltas
 * ({@code payment.account_balances}). A debit that must not take such an account below zero locks the row,
 * which serialises the debits of one account among themselves (never its credits), reads the balance in a
 * later statement and appends the debit only if it is covered. The row itself changes only in roll-ups, which
 * fold a committed state, so its {@code CHECK (balance_minor >= 0)} holds too.
 */
@Component
class Ledger {

    private final JdbcClient jdbc;
    private final Clock clock;
    /** Ids of committed accounts; an account's id never changes, so these are never stale. */
    private final Map<AccountKey, Long> ids = new ConcurrentHashMap<>();

    Ledger(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    record Leg(AccountKind kind, long ownerId, long amountMinor) {
    }

    private record AccountKey(AccountKind kind, long ownerId, String currency) {
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
        if (legs.stream().map(leg -> new AccountKey(leg.kind(), leg.ownerId(), currency)).distinct().count()
                != legs.size()) {
            // Each debit is checked against the committed balance, so two debits of one account would each pass.
            throw new IllegalStateException("Posting " + reference + " has two legs on one account: " + legs);
        }
        // Locks are taken in one order (kind, owner) so that concurrent postings cannot deadlock. Appending a
        // delta takes no lock but the foreign key's KEY SHARE, which no lock taken here conflicts with.
        List<Leg> ordered = legs.stream().filter(leg -> leg.amountMinor() != 0)
                .sorted(Comparator.comparing(Leg::kind).thenComparingLong(Leg::ownerId)).toList();
        Timestamp at = Timestamp.from(clock.instant());
        Optional<OnePass> onePass = onePass(kind, orderId, reference, memo, currency, at, ordered);
        if (onePass.isPresent()) {
            return onePass.get().postingId();
        }
        Optional<Long> postingId = jdbc.sql("""
                INSERT INTO payment.postings (kind, order_id, reference, memo, currency, created_at)
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (reference) DO NOTHING RETURNING id""")
                .params(kind, orderId, reference, memo, currency, at)
                .query(Long.class).optional();
        if (postingId.isEmpty()) {
            return postingId;
        }
        List<Long> accounts = new ArrayList<>();
        for (Leg leg : ordered) {
            accounts.add(apply(leg, currency));
        }
        insertEntriesAndDeltas(postingId.get(), ordered, accounts);
        return postingId;
    }

    /** What the one-statement posting did: the posting's id (empty: the reference was posted before). */
    private record OnePass(Optional<Long> postingId) {
    }

    /**
     * The common posting (a payment, a top-up) in one statement: at most one row-updated leg, whose guarded update
     * runs only once the posting is new, and append-only credits to accounts whose ids this instance knows. The
     * entries and deltas are written only when the guarded update succeeded. Empty when the posting is not of that
     * shape, or when the guarded update found no room: then the posting row stays (this transaction wrote it) and
     * the general path is not taken again; the shortfall is raised here, or the missing account created and the
     * rest written one statement at a time.
     */
    private Optional<OnePass> onePass(String kind, @Nullable Long orderId, String reference, String memo,
            String currency, Timestamp at, List<Leg> ordered) {
        List<Leg> updated = ordered.stream().filter(leg -> !appendOnly(leg.kind())).toList();
        if (updated.size() > 1 || ordered.size() > 4) {
            return Optional.empty();
        }
        List<Object> values = new ArrayList<>();
        StringBuilder rows = new StringBuilder();
        for (Leg leg : ordered) {
            Long id = NO_ACCOUNT;
            if (appendOnly(leg.kind())) {
                id = ids.get(new AccountKey(leg.kind(), leg.ownerId(), currency));
                if (id == null || (leg.amountMinor() < 0 && !mayGoNegative(leg.kind()))) {
                    return Optional.empty();
                }
            }
            rows.append(rows.isEmpty() ? "" : ", ").append("(nullif(?::bigint, " + NO_ACCOUNT + "), ?::bigint, ?::boolean)");
            values.addAll(List.of(id, leg.amountMinor(), appendOnly(leg.kind())));
        }
        Leg guarded = updated.isEmpty() ? null : updated.getFirst();
        List<Object> params = new ArrayList<>(List.of(kind, orderId == null ? NO_ORDER : orderId, reference, memo,
                currency, at));
        params.addAll(guarded == null
                ? List.of(0L, "", 0L, currency, false)
                : List.of(guarded.amountMinor(), guarded.kind().name(), guarded.ownerId(), currency, true));
        params.addAll(values);
        record Outcome(@Nullable Long postingId, @Nullable Long guardedId) {
        }
        Outcome outcome = jdbc.sql("""
                WITH p AS (
                    INSERT INTO payment.postings (kind, order_id, reference, memo, currency, created_at)
                    VALUES (?, nullif(?::bigint, %d), ?, ?, ?, ?) ON CONFLICT (reference) DO NOTHING RETURNING id),
                g AS (SELECT ?::bigint AS amount, ?::text AS kind, ?::bigint AS owner, ?::text AS currency, ?::boolean AS present),
                u AS (
                    UPDATE payment.accounts a SET balance_minor = a.balance_minor + g.amount FROM g
                    WHERE g.present AND a.kind = g.kind AND a.owner_id = g.owner AND a.currency = g.currency
                      AND (a.may_go_negative OR a.balance_minor + g.amount >= 0) AND EXISTS (SELECT 1 FROM p)
                    RETURNING a.id),
                ok AS (
                    SELECT p.id AS posting, (SELECT id FROM u) AS guarded FROM p
                    WHERE NOT (SELECT present FROM g) OR EXISTS (SELECT 1 FROM u)),
                legs AS (
                    SELECT ok.posting, coalesce(v.account, ok.guarded) AS account, v.amount, v.append_only
                    FROM ok, (VALUES %s) AS v(account, amount, append_only)),
                d AS (
                    INSERT INTO payment.balance_deltas (account_id, amount_minor)
                    SELECT account, amount FROM legs WHERE append_only),
                e AS (
                    INSERT INTO payment.entries (posting_id, account_id, amount_minor)
                    SELECT posting, account, amount FROM legs)
                SELECT (SELECT id FROM p), (SELECT id FROM u)""".formatted(NO_ORDER, rows))
                .params(params)
                .query((rs, n) -> new Outcome(rs.getObject(1, Long.class), rs.getObject(2, Long.class))).single();
        if (outcome.postingId() == null) {
            return Optional.of(new OnePass(Optional.empty()));
        }
        if (guarded == null || outcome.guardedId() != null) {
            return Optional.of(new OnePass(Optional.of(outcome.postingId())));
        }
        // The posting is new but its guarded leg found no room, or no account: the general path, without the posting.
        List<Long> accounts = new ArrayList<>();
        for (Leg leg : ordered) {
            accounts.add(apply(leg, currency));
        }
        insertEntriesAndDeltas(outcome.postingId(), ordered, accounts);
        return Optional.of(new OnePass(Optional.of(outcome.postingId())));
    }

    /** Stand for "no order" and "the guarded leg's account" in the one-statement posting, which passes no nulls. */
    private static final long NO_ORDER = -1;
    private static final long NO_ACCOUNT = 0;

    /** Whether the kind's balance lives in appended deltas rather than in updates of its row. */
    static boolean appendOnly(AccountKind kind) {
        return switch (kind) {
            case WALLET, MERCHANT, AD_ACCOUNT, MERCHANT_DEBT, RIDER -> false;
            case ESCROW, PROVIDER_CLEARING, FEE_REVENUE, SALES_REVENUE, AD_REVENUE, SUBSIDY, MEMBERSHIP_REVENUE, FX_CLEARING, VAT_PAYABLE,
                    SUPPLIER_MEMBERSHIP_REVENUE,
                    DUTY_PAYABLE, DELIVERY_ESCROW, DELIVERY_REVENUE -> true;
        };
    }

    static boolean mayGoNegative(AccountKind kind) {
        return kind == AccountKind.PROVIDER_CLEARING || kind == AccountKind.MERCHANT_DEBT || kind == AccountKind.SUBSIDY
                || kind == AccountKind.FX_CLEARING || kind == AccountKind.DELIVERY_REVENUE;
    }

    /** Applies the leg's guard (and, for a row-updated account, its amount) and returns the account's id. */
    private long apply(Leg leg, String currency) {
        AccountKey key = new AccountKey(leg.kind(), leg.ownerId(), currency);
        if (!appendOnly(leg.kind())) {
            return update(leg, key);
        }
        if (leg.amountMinor() > 0 || mayGoNegative(leg.kind())) {
            return id(key);
        }
        return lockCoveredDebit(leg, key);
    }

    private long update(Leg leg, AccountKey key) {
        Optional<Long> updated = guardedUpdate(leg, key);
        if (updated.isPresent()) {
            return updated.get();
        }
        // The account may be missing, or may have been created by a transaction that committed after the
        // update above began: create it if absent, then try once more before calling it a shortfall.
        if (accountId(key).isEmpty()) {
            create(key);
        }
        return guardedUpdate(leg, key).orElseThrow(() -> shortfall(leg, key, balance(key)));
    }

    private Optional<Long> guardedUpdate(Leg leg, AccountKey key) {
        return jdbc.sql("""
                UPDATE payment.accounts SET balance_minor = balance_minor + :amount
                WHERE kind = :kind AND owner_id = :owner AND currency = :currency
                  AND (may_go_negative OR balance_minor + :amount >= 0)
                RETURNING id""")
                .param("amount", leg.amountMinor()).param("kind", key.kind().name()).param("owner", key.ownerId())
                .param("currency", key.currency()).query(Long.class).optional();
    }

    /**
     * Locks an append-only account's row for a debit and checks that its balance covers it. The balance is read
     * in a statement of its own, after the lock: under READ COMMITTED a statement sees what committed before it
     * began, so it sees every roll-up and every debit that held this lock before, and no roll-up can commit while
     * the lock is held. (A subquery in the locking statement would keep that statement's older snapshot for the
     * deltas while the lock re-reads the row, and could count deltas a roll-up had just folded twice.) The lock is
     * {@code FOR NO KEY UPDATE}, which the foreign key checks of appended credits do not wait for.
     */
    private long lockCoveredDebit(Leg leg, AccountKey key) {
        Optional<Long> locked = jdbc.sql("""
                SELECT id FROM payment.accounts WHERE kind = ? AND owner_id = ? AND currency = ? FOR NO KEY UPDATE""")
                .params(key.kind().name(), key.ownerId(), key.currency()).query(Long.class).optional();
        long balance = locked.map(this::balance).orElse(0L);
        if (locked.isEmpty() || balance + leg.amountMinor() < 0) {
            throw shortfall(leg, key, balance);
        }
        remember(key, locked.get());
        return locked.get();
    }

    /** The id of an account, created when missing; from memory when this instance has seen it committed. */
    private long id(AccountKey key) {
        Long known = ids.get(key);
        if (known != null) {
            return known;
        }
        long id = accountId(key).orElseGet(() -> create(key));
        remember(key, id);
        return id;
    }

    /** Remembers the id once the transaction commits: an account created by one that rolls back is gone. */
    private void remember(AccountKey key, long id) {
        if (!ids.containsKey(key)) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    ids.put(key, id);
                }
            });
        }
    }

    /** Creates the account unless it exists (perhaps just committed by another transaction) and returns its id. */
    private long create(AccountKey key) {
        return jdbc.sql("""
                INSERT INTO payment.accounts (kind, owner_id, currency, balance_minor, may_go_negative)
                VALUES (?, ?, ?, 0, ?) ON CONFLICT (kind, owner_id, currency) DO NOTHING RETURNING id""")
                .params(key.kind().name(), key.ownerId(), key.currency(), mayGoNegative(key.kind()))
                .query(Long.class).optional()
                .or(() -> accountId(key))
                .orElseThrow();
    }

    /** The posting's entries and the amounts of its append-only legs, in one statement. */
    private void insertEntriesAndDeltas(long postingId, List<Leg> legs, List<Long> accounts) {
        List<Object> params = new ArrayList<>();
        int deltas = 0;
        for (int i = 0; i < legs.size(); i++) {
            if (appendOnly(legs.get(i).kind())) {
                params.addAll(List.of(accounts.get(i), legs.get(i).amountMinor()));
                deltas++;
            }
        }
        for (int i = 0; i < legs.size(); i++) {
            params.addAll(List.of(postingId, accounts.get(i), legs.get(i).amountMinor()));
        }
        String entries = "INSERT INTO payment.entries (posting_id, account_id, amount_minor) VALUES " + rows(legs.size(), 3);
        jdbc.sql(deltas == 0 ? entries : "WITH delta AS (INSERT INTO payment.balance_deltas (account_id, amount_minor) VALUES "
                + rows(deltas, 2) + ") " + entries).params(params).update();
    }

    private static String rows(int rows, int columns) {
        String row = "(" + String.join(", ", Collections.nCopies(columns, "?")) + ")";
        return String.join(", ", Collections.nCopies(rows, row));
    }

    private Optional<Long> accountId(AccountKey key) {
        return jdbc.sql("SELECT id FROM payment.accounts WHERE kind = ? AND owner_id = ? AND currency = ?")
                .params(key.kind().name(), key.ownerId(), key.currency()).query(Long.class).optional();
    }

    /**
     * Locks a merchant's balance row, opening the account when it has none, and answers its balance. Every posting
     * that touches a merchant's debt takes this lock first (a settlement, a refund after settlement, a fee charged
     * to the merchant), so they take their turns on the merchant and never on the debt row, whose balance they then
     * read in a later statement, after the lock: no two of them can repay or add to the same debt at once, and no
     * two can deadlock on the balance and debt rows. Opening the row first matters: a transaction that found no row
     * to lock would otherwise lock the escrow before the balance, the other way round.
     */
    long lockMerchant(long sellerAccountId, String currency) {
        AccountKey key = new AccountKey(AccountKind.MERCHANT, sellerAccountId, currency);
        if (!ids.containsKey(key) && accountId(key).isEmpty()) {
            create(key);
        }
        return jdbc.sql("""
                SELECT balance_minor FROM payment.accounts WHERE kind = 'MERCHANT' AND owner_id = ? AND currency = ?
                FOR NO KEY UPDATE""").params(sellerAccountId, currency).query(Long.class).single();
    }

    /** An account's balance: its row's plus the deltas not yet rolled up; zero for an account not yet opened. */
    long balance(AccountKind kind, long ownerId, String currency) {
        return balance(new AccountKey(kind, ownerId, currency));
    }

    private long balance(AccountKey key) {
        return jdbc.sql("""
                SELECT balance_minor FROM payment.account_balances WHERE kind = ? AND owner_id = ? AND currency = ?""")
                .params(key.kind().name(), key.ownerId(), key.currency()).query(Long.class).optional().orElse(0L);
    }

    private long balance(long accountId) {
        return jdbc.sql("SELECT balance_minor FROM payment.account_balances WHERE id = ?").param(accountId)
                .query(Long.class).single();
    }

    private static ConflictException shortfall(Leg leg, AccountKey key, long balance) {
        Currency currency = Currency.getInstance(key.currency());
        return new ConflictException(Text.of("payment.holdsNeeded", leg.kind(), new Money(balance, currency), new Money(-leg.amountMinor(), currency)));
    }
}
