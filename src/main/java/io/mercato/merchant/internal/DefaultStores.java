package io.mercato.merchant.internal;

import io.mercato.merchant.Store;
import io.mercato.merchant.StoreKind;
import io.mercato.merchant.StoreStatus;
import io.mercato.merchant.StoreVerified;
import io.mercato.merchant.Stores;
import io.mercato.platform.Actor;
import io.mercato.platform.ConflictException;
import io.mercato.platform.Currencies;
import io.mercato.platform.ForbiddenException;
import io.mercato.platform.InvalidInputException;
import io.mercato.platform.NotFoundException;
import io.mercato.platform.Role;
import io.mercato.platform.Text;
import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class DefaultStores implements Stores {

    private static final String COLUMNS = "id, owner_account_id, name, kind, currency, status, logo_url, verification_note, created_at";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    DefaultStores(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
    }

    @Override
    @Transactional
    public Store open(Actor actor, String name, StoreKind kind, String currency, @Nullable String logoUrl) {
        // Supermarket stores are the platform's own: operators open them, sellers every other kind.
        actor.require(kind == StoreKind.SUPERMARKET ? Role.OPERATOR : Role.SELLER);
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new InvalidInputException("name", Text.of("merchant.storeNameMustCharacters"));
        }
        Currencies.parse(currency);
        if (logoUrl != null && !isHttpUrl(logoUrl)) {
            throw new InvalidInputException("logoUrl", Text.of("merchant.logoNotHttpSURL", logoUrl));
        }
        StoreStatus status = kind.needsVerification() ? StoreStatus.PENDING_VERIFICATION : StoreStatus.ACTIVE;
        Instant now = clock.instant();
        long id = jdbc.sql("""
                INSERT INTO merchant.stores (owner_account_id, name, kind, currency, status, logo_url, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(actor.accountId(), name.strip(), kind.name(), currency, status.name(), logoUrl, Timestamp.from(now))
                .query(Long.class).single();
        return new Store(id, actor.accountId(), name.strip(), kind, currency, status, logoUrl, null, now);
    }

    @Override
    public Store get(long storeId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM merchant.stores WHERE id = ?").param(storeId)
                .query((rs, n) -> store(rs)).optional()
                .orElseThrow(() -> new NotFoundException(Text.of("merchant.storeDoesNotExist", storeId)));
    }

    @Override
    public Store requireManagedBy(Actor actor, long storeId) {
        Store store = get(storeId);
        if (!actor.is(Role.OPERATOR) && store.ownerAccountId() != actor.accountId()) {
            throw new ForbiddenException(Text.of("merchant.storeNotOneYourStores", storeId));
        }
        return store;
    }

    @Override
    public List<Store> ownedBy(long accountId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM merchant.stores WHERE owner_account_id = ? ORDER BY id")
                .param(accountId).query((rs, n) -> store(rs)).list();
    }

    @Override
    public List<Store> withStatus(StoreStatus status) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM merchant.stores WHERE status = ? ORDER BY id")
                .param(status.name()).query((rs, n) -> store(rs)).list();
    }

    @Override
    public List<Store> search(String text, int limit) {
        String pattern = "%" + text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return jdbc.sql("SELECT " + COLUMNS + " FROM merchant.stores WHERE name ILIKE ? ORDER BY id DESC LIMIT ?")
                .params(pattern, Math.max(1, Math.min(limit, 100))).query((rs, n) -> store(rs)).list();
    }

    @Override
    public Found list(@Nullable String text, @Nullable StoreKind kind, @Nullable StoreStatus status, int page,
            int size) {
        int limit = Math.max(1, Math.min(size, 100));
        int from = Math.max(0, Math.min(page, 100_000));
        String wanted = text == null ? "" : text.strip();
        String where = """
                 WHERE (CAST(:pattern AS TEXT) IS NULL OR name ILIKE :pattern OR CAST(id AS TEXT) = :text)
                  AND (CAST(:kind AS TEXT) IS NULL OR kind = :kind)
                  AND (CAST(:status AS TEXT) IS NULL OR status = :status)""";
        String pattern = wanted.isEmpty() ? null
                : "%" + wanted.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        long total = jdbc.sql("SELECT count(*) FROM merchant.stores " + where)
                .param("pattern", pattern, java.sql.Types.VARCHAR).param("text", wanted)
                .param("kind", kind == null ? null : kind.name(), java.sql.Types.VARCHAR)
                .param("status", status == null ? null : status.name(), java.sql.Types.VARCHAR)
                .query(Long.class).single();
        List<Store> items = jdbc.sql("SELECT " + COLUMNS + " FROM merchant.stores " + where
                        + " ORDER BY id DESC LIMIT :limit OFFSET :offset")
                .param("pattern", pattern, java.sql.Types.VARCHAR).param("text", wanted)
                .param("kind", kind == null ? null : kind.name(), java.sql.Types.VARCHAR)
                .param("status", status == null ? null : status.name(), java.sql.Types.VARCHAR)
                .param("limit", limit).param("offset", (long) from * limit)
                .query((rs, n) -> store(rs)).list();
        return new Found(items, from, limit, total);
    }

    @Override
    public Map<LocalDate, Long> openedPerDay(LocalDate from, LocalDate to, ZoneId zone) {
        Map<LocalDate, Long> perDay = new TreeMap<>();
        jdbc.sql("""
                SELECT (created_at AT TIME ZONE ?)::date, count(*) FROM merchant.stores
                WHERE created_at >= ? AND created_at < ? GROUP BY 1""")
                .params(zone.getId(), Timestamp.from(from.atStartOfDay(zone).toInstant()),
                        Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant()))
                .query((rs, n) -> perDay.put(rs.getObject(1, LocalDate.class), rs.getLong(2))).list();
        return perDay;
    }

    @Override
    @Transactional
    public Store decideVerification(Actor operator, long storeId, boolean approved, String reason) {
        operator.require(Role.OPERATOR);
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw new InvalidInputException("reason", Text.of("merchant.reasonCharactersRequired"));
        }
        Store store = get(storeId);
        if (!store.kind().needsVerification()) {
            throw new ConflictException(Text.of("merchant.storeStoreOnlyTmallStores", storeId, store.kind()));
        }
        StoreStatus next = approved ? StoreStatus.VERIFIED : StoreStatus.REJECTED;
        int updated = jdbc.sql("""
                UPDATE merchant.stores SET status = ?, verification_note = ?, verified_by = ?, verified_at = ?
                WHERE id = ? AND status IN ('PENDING_VERIFICATION', 'REJECTED', 'VERIFIED') AND status <> ?""")
                .params(next.name(), reason.strip(), operator.accountId(), Timestamp.from(clock.instant()), storeId,
                        next.name())
                .update();
        if (updated == 0) {
            throw new ConflictException(Text.of("merchant.storeAlready", storeId, store.status()));
        }
        events.publishEvent(new StoreVerified(storeId, approved, reason.strip()));
        return get(storeId);
    }

    private static boolean isHttpUrl(String value) {
        try {
            URI uri = URI.create(value);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Store store(ResultSet rs) throws SQLException {
        return new Store(rs.getLong("id"), rs.getLong("owner_account_id"), rs.getString("name"),
                StoreKind.valueOf(rs.getString("kind")), rs.getString("currency"),
                StoreStatus.valueOf(rs.getString("status")), rs.getString("logo_url"),
                rs.getString("verification_note"), rs.getTimestamp("created_at").toInstant());
    }
}
