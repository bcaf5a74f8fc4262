package io.mercato.ads.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The marketplace's day, in whose time zone daily budgets reset and reports are cut: the same setting as the auction
 * engine's day, so the budget the database guards and the budget the engine paces are the same day's.
 */
@Component
final class AdDay {

    private final ZoneId zone;

    AdDay(@Value("${mercato.ads.time-zone:${mercato.web.time-zone:Asia/Shanghai}}") String zone) {
        this.zone = ZoneId.of(zone);
    }

    LocalDate of(Instant instant) {
        return LocalDate.ofInstant(instant, zone);
    }

    Instant start(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }

    ZoneId zone() {
        return zone;
    }
}
