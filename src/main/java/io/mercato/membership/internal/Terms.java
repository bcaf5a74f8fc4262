package io.mercato.membership.internal;

import io.mercato.membership.Entitlement;
import io.mercato.membership.Partner;
import io.mercato.membership.Term;
import io.mercato.membership.Term.TermKind;
import io.mercato.membership.VipMembership;
import io.mercato.platform.Money;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The only reader and writer of members, terms and entitlements. */
@Repository
class Terms {

    private final JdbcClient jdbc;

    Terms(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Opens the buyer's row if new and locks it: every change of one buyer's membership holds this lock, so
     * concurrent joins, renewals and cancellations of one buyer run one after another.
     *
     * @return whether the buyer chose auto-renewal
     */
    boolean lockMember(long buyerAccountId, Instant now) {
        jdbc.sql("""
                INSERT INTO membership.members (buyer_account_id, first_joined_at) VALUES (?, ?)
                ON CONFLICT (buyer_account_id) DO NOTHING""").params(buyerAccountId, Timestamp.from(now)).update();
        return jdbc.sql("SELECT auto_renew FROM membership.members WHERE buyer_account_id = ? FOR UPDATE")
                .param(buyerAccountId).query(Boolean.class).single();
    }

    /** Sets the join month to the first term actually bought (the row may have been opened for auto-renewal first). */
    void firstJoined(long buyerAccountId, Instant at) {
        jdbc.sql("""
                UPDATE membership.members SET first_joined_at = ? WHERE buyer_account_id = ?
                  AND NOT EXISTS (SELECT 1 FROM membership.terms WHERE buyer_account_id = ?)""")
                .params(Timestamp.from(at), buyerAccountId, buyerAccountId).update();
    }

    void autoRenew(long buyerAccountId, boolean on) {
        jdbc.sql("UPDATE membership.members SET auto_renew = ? WHERE buyer_account_id = ?").params(on, buyerAccountId)
                .update();
    }

    boolean autoRenew(long buyerAccountId) {
        return jdbc.sql("SELECT auto_renew FROM membership.members WHERE buyer_account_id = ?").param(buyerAccountId)
                .query(Boolean.class).optional().orElse(false);
    }

    long insert(long buyerAccountId, TermKind kind, Instant startsAt, Instant endsAt, Money price, long points,
            Instant purchasedAt) {
        return jdbc.sql("""
                INSERT INTO membership.terms (buyer_account_id, kind, starts_at, ends_at, price_minor, currency,
                    points_at_purchase, purchased_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(buyerAccountId, kind.name(), Timestamp.from(startsAt), Timestamp.from(endsAt), price.minor(),
                        price.currencyCode(), points, Timestamp.from(purchasedAt))
                .query(Long.class).single();
    }

    void charged(long termId, long postingId) {
        jdbc.sql("UPDATE membership.terms SET charge_posting_id = ? WHERE id = ?").params(postingId, termId).update();
    }

    void cancel(long termId, Instant at, Instant endsAt, long refundPostingId) {
        jdbc.sql("""
                UPDATE membership.terms SET cancelled_at = ?, ends_at = ?, refund_posting_id = ? WHERE id = ?""")
                .params(Timestamp.from(at), Timestamp.from(endsAt), refundPostingId, termId).update();
    }

    Optional<Term> term(long termId) {
        return jdbc.sql("SELECT * FROM membership.terms WHERE id = ?").param(termId).query(Terms::term).optional();
    }

    /** The buyer's terms, newest first. */
    List<Term> terms(long buyerAccountId) {
        return jdbc.sql("SELECT * FROM membership.terms WHERE buyer_account_id = ? ORDER BY starts_at DESC, id DESC")
                .param(buyerAccountId).query(Terms::term).list();
    }

    /** Every term, for the operator's figures. */
    List<Term> all() {
        return jdbc.sql("SELECT * FROM membership.terms ORDER BY buyer_account_id, starts_at, id").query(Terms::term)
                .list();
    }

    boolean coversAt(long buyerAccountId, Instant at) {
        return jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM membership.terms
                               WHERE buyer_account_id = ? AND starts_at <= ? AND ends_at > ?)""")
                .params(buyerAccountId, Timestamp.from(at), Timestamp.from(at)).query(Boolean.class).single();
    }

    /** Buyers who chose auto-renewal, whose last term ended at or before {@code now} but after {@code since}. */
    List<Long> dueForAutoRenewal(Instant since, Instant now) {
        return jdbc.sql("""
                SELECT m.buyer_account_id FROM membership.members m
                JOIN LATERAL (SELECT ends_at, cancelled_at FROM membership.terms t WHERE t.buyer_account_id = m.buyer_account_id
                              ORDER BY ends_at DESC, id DESC LIMIT 1) last ON true
                WHERE m.auto_renew AND last.cancelled_at IS NULL AND last.ends_at <= ? AND last.ends_at > ?
                ORDER BY m.buyer_account_id""")
                .params(Timestamp.from(now), Timestamp.from(since)).query(Long.class).list();
    }

    /** Buyers a term covers at the instant. */
    List<Long> membersAt(Instant at) {
        return jdbc.sql("""
                SELECT DISTINCT buyer_account_id FROM membership.terms WHERE starts_at <= ? AND ends_at > ?
                ORDER BY buyer_account_id""")
                .params(Timestamp.from(at), Timestamp.from(at)).query(Long.class).list();
    }

    /** How many buyers a term covers at the instant. */
    long countMembersAt(Instant at) {
        return jdbc.sql("SELECT count(DISTINCT buyer_account_id) FROM membership.terms WHERE starts_at <= ? AND ends_at > ?")
                .params(Timestamp.from(at), Timestamp.from(at)).query(Long.class).single();
    }

    void entitle(long termId, Partner partner, String code, Instant at) {
        jdbc.sql("""
                INSERT INTO membership.entitlements (term_id, partner, code, created_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (term_id, partner) DO NOTHING""")
                .params(termId, partner.name(), code, Timestamp.from(at)).update();
    }

    /** The entitlements of the buyer's terms that have not ended at the instant. */
    List<Entitlement> entitlements(long buyerAccountId, Instant at) {
        return jdbc.sql("""
                SELECT e.term_id, e.partner, e.code FROM membership.entitlements e
                JOIN membership.terms t ON t.id = e.term_id
                WHERE t.buyer_account_id = ? AND t.ends_at > ? ORDER BY t.starts_at, e.partner""")
                .params(buyerAccountId, Timestamp.from(at))
                .query((rs, n) -> new Entitlement(rs.getLong(1), Partner.valueOf(rs.getString(2)), rs.getString(3)))
                .list();
    }

    private static Term term(ResultSet rs, int n) throws SQLException {
        Instant purchased = rs.getTimestamp("purchased_at").toInstant();
        Timestamp cancelled = rs.getTimestamp("cancelled_at");
        return new Term(rs.getLong("id"), rs.getLong("buyer_account_id"), TermKind.valueOf(rs.getString("kind")),
                rs.getTimestamp("starts_at").toInstant(), rs.getTimestamp("ends_at").toInstant(),
                Money.of(rs.getLong("price_minor"), rs.getString("currency")), rs.getLong("points_at_purchase"),
                purchased, purchased.plus(VipMembership.COOLING_OFF), cancelled == null ? null : cancelled.toInstant());
    }
}
