package io.mercato.instant.internal;

import io.mercato.instant.DeliveryZone;
import io.mercato.instant.LocalStoreSettings;
import io.mercato.instant.Position;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The only reader and writer of {@code instant.local_stores}. */
@Component
class StoreProfiles {

    /** A stored profile, before the store's name and currency are joined in. */
    record Profile(long storeId, LocalStoreSettings settings, String currency) {
    }

    private static final String COLUMNS = """
            store_id, lat, lng, time_zone, opens, closes, prep_minutes, zone_radius_m, zone_polygon::text, currency,
            delivery_fee_minor, commission_bp, rider_pay_minor, subsidy_minor""";

    private final JdbcClient jdbc;

    StoreProfiles(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void put(long storeId, LocalStoreSettings s, String currency, Instant now) {
        DeliveryZone zone = s.zone();
        jdbc.sql("""
                INSERT INTO instant.local_stores (store_id, lat, lng, time_zone, opens, closes, prep_minutes,
                    zone_radius_m, zone_polygon, currency, delivery_fee_minor, commission_bp, rider_pay_minor,
                    subsidy_minor, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (store_id) DO UPDATE SET lat = excluded.lat, lng = excluded.lng,
                    time_zone = excluded.time_zone, opens = excluded.opens, closes = excluded.closes,
                    prep_minutes = excluded.prep_minutes, zone_radius_m = excluded.zone_radius_m,
                    zone_polygon = excluded.zone_polygon, currency = excluded.currency,
                    delivery_fee_minor = excluded.delivery_fee_minor, commission_bp = excluded.commission_bp,
                    rider_pay_minor = excluded.rider_pay_minor, subsidy_minor = excluded.subsidy_minor,
                    updated_at = excluded.updated_at""")
                .params(storeId, s.location().lat(), s.location().lng(), s.timeZone(), s.opens(), s.closes(),
                        s.prepMinutes(), zone.radiusMetres(), zone.polygon() == null ? null : json(zone.polygon()),
                        currency, s.deliveryFeeMinor(), s.commissionBasisPoints(), s.riderPayMinor(),
                        s.subsidyMinor(), Timestamp.from(now))
                .update();
    }

    Optional<Profile> find(long storeId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM instant.local_stores WHERE store_id = ?").param(storeId)
                .query(StoreProfiles::profile).optional();
    }

    List<Profile> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM instant.local_stores ORDER BY store_id").query(StoreProfiles::profile).list();
    }

    private static Profile profile(ResultSet rs, int n) throws SQLException {
        Integer radius = rs.getObject(8, Integer.class);
        String polygon = rs.getString(9);
        DeliveryZone zone = radius != null ? DeliveryZone.radius(radius) : DeliveryZone.polygon(parse(polygon));
        return new Profile(rs.getLong(1), new LocalStoreSettings(new Position(rs.getDouble(2), rs.getDouble(3)),
                rs.getString(4), rs.getTime(5).toLocalTime(), rs.getTime(6).toLocalTime(), rs.getInt(7), zone,
                rs.getLong(11), rs.getInt(12), rs.getLong(13), rs.getLong(14)), rs.getString(10));
    }

    private static String json(List<Position> corners) {
        StringBuilder out = new StringBuilder("[");
        for (Position p : corners) {
            if (out.length() > 1) {
                out.append(',');
            }
            out.append(String.format(Locale.ROOT, "[%.7f,%.7f]", p.lat(), p.lng()));
        }
        return out.append(']').toString();
    }

    /** Reads the {@code [[lat,lng],…]} this class wrote. */
    private static List<Position> parse(String json) {
        String[] numbers = json.replaceAll("[\\[\\]\\s]", " ").trim().split("[ ,]+");
        List<Position> corners = new ArrayList<>();
        for (int i = 0; i + 1 < numbers.length; i += 2) {
            corners.add(new Position(Double.parseDouble(numbers[i]), Double.parseDouble(numbers[i + 1])));
        }
        return corners;
    }
}
