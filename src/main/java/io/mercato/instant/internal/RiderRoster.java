package io.mercato.instant.internal;

import io.mercato.instant.Position;
import io.mercato.instant.Rider;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The only reader and writer of {@code instant.riders}. */
@Component
class RiderRoster {

    private static final String COLUMNS = "id, account_id, name, capacity, online, lat, lng, seen_at";

    private final JdbcClient jdbc;

    RiderRoster(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return the new rider, or empty when the account already rides */
    Optional<Rider> insert(long accountId, String name, int capacity, Instant now) {
        return jdbc.sql("INSERT INTO instant.riders (account_id, name, capacity, created_at) VALUES (?, ?, ?, ?) "
                        + "ON CONFLICT (account_id) DO NOTHING RETURNING " + COLUMNS)
                .params(accountId, name, capacity, Timestamp.from(now)).query(RiderRoster::rider).optional();
    }

    Optional<Rider> byAccount(long accountId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM instant.riders WHERE account_id = ?").param(accountId)
                .query(RiderRoster::rider).optional();
    }

    /** Locks the rider's row, so its position and tasks change one request at a time. */
    Optional<Rider> lockByAccount(long accountId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM instant.riders WHERE account_id = ? FOR UPDATE").param(accountId)
                .query(RiderRoster::rider).optional();
    }

    List<Rider> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM instant.riders ORDER BY id").query(RiderRoster::rider).list();
    }

    List<Rider> onlineWithPosition() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM instant.riders WHERE online AND lat IS NOT NULL ORDER BY id")
                .query(RiderRoster::rider).list();
    }

    void setOnline(long riderId, boolean online) {
        jdbc.sql("UPDATE instant.riders SET online = ? WHERE id = ?").params(online, riderId).update();
    }

    void setPosition(long riderId, Position position, Instant now) {
        jdbc.sql("UPDATE instant.riders SET lat = ?, lng = ?, seen_at = ? WHERE id = ?")
                .params(position.lat(), position.lng(), Timestamp.from(now), riderId).update();
    }

    private static Rider rider(ResultSet rs, int n) throws SQLException {
        Timestamp seen = rs.getTimestamp(8);
        Double lat = rs.getObject(6, Double.class);
        Double lng = rs.getObject(7, Double.class);
        return new Rider(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4), rs.getBoolean(5),
                lat == null || lng == null ? null : new Position(lat, lng), seen == null ? null : seen.toInstant());
    }
}
