package io.mercato.ads.internal;

import io.mercato.ads.AdServing.PlacementSettings;
import io.mercato.ads.AdSlot;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The operator's slot count and reserve price per placement ({@code ads.placements}). */
@Repository
class Placements {

    private final JdbcClient jdbc;

    Placements(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<PlacementSettings> all() {
        return jdbc.sql("SELECT placement, slots, reserve_minor FROM ads.placements ORDER BY placement DESC")
                .query((rs, n) -> new PlacementSettings(AdSlot.valueOf(rs.getString(1)), rs.getInt(2), rs.getLong(3)))
                .list();
    }

    PlacementSettings of(AdSlot slot) {
        return all().stream().filter(p -> p.placement() == slot).findFirst()
                .orElse(new PlacementSettings(slot, 0, 1));
    }

    void save(PlacementSettings settings, Instant at) {
        jdbc.sql("""
                INSERT INTO ads.placements (placement, slots, reserve_minor, updated_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (placement) DO UPDATE SET slots = excluded.slots, reserve_minor = excluded.reserve_minor,
                    updated_at = excluded.updated_at""")
                .params(settings.placement().name(), settings.slots(), settings.reserveMinor(), Timestamp.from(at)).update();
    }
}
