package io.mercato.instant.internal;

import io.mercato.instant.Position;
import io.mercato.instant.internal.dispatch.Metric;
import io.mercato.instant.internal.dispatch.Point;

/**
 * The road-like metric of instant commerce and the constants that go with it. Distances are great-circle distances
 * times a detour factor of 1.3 (streets are rarely straight; the factor is a common rule of thumb for city grids),
 * ridden at 18 km/h (an e-bike in traffic), with two minutes at each pickup and each drop.
 */
final class Travel {

    static final double DETOUR = 1.3;
    static final double KMH = 18;
    static final double SERVICE_MINUTES = 2;
    /** Within this distance of a place, a rider is there (GPS is not exact). */
    static final double AT_PLACE_METRES = 300;
    /** Plain GPS noise allowed on any report. */
    static final double JUMP_SLACK_METRES = 1000;
    /** Faster than this between two reports is not a rider (108 km/h). */
    static final double MAX_METRES_PER_SECOND = 30;

    static final Metric METRIC = Metric.roadLike(DETOUR, KMH);

    private Travel() {
    }

    static Point point(Position p) {
        return new Point(p.lat(), p.lng());
    }

    static double minutes(Position a, Position b) {
        return METRIC.minutes(point(a), point(b));
    }

    static double metres(Position a, Position b) {
        return METRIC.distance(point(a), point(b));
    }
}
