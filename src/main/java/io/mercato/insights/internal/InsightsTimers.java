package io.mercato.insights.internal;

import io.mercato.insights.Activity;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Keeps the roll-ups current on every instance: facts folded and activity written every second, ledger figures every minute (from the day before the last taken). */
@Component
@ConditionalOnProperty(name = "mercato.insights.timers-enabled", havingValue = "true", matchIfMissing = true)
class InsightsTimers {

    private final RollUp rollUp;
    private final Activity activity;
    private final BookedFigures booked;
    private final Clock clock;
    private final ZoneId zone;

    InsightsTimers(RollUp rollUp, Activity activity, BookedFigures booked, Clock clock,
            @Value("${mercato.web.time-zone:Asia/Shanghai}") String zone) {
        this.rollUp = rollUp;
        this.activity = activity;
        this.booked = booked;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    @Scheduled(fixedDelayString = "${mercato.insights.roll-up-every:1s}", initialDelayString = "5s")
    void fold() {
        rollUp.foldAll();
        activity.flush();
    }

    @Scheduled(fixedDelayString = "${mercato.insights.booked-every:1m}", initialDelayString = "20s")
    void takeBooked() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        booked.takeSinceLast(today);
    }
}
