package io.mercato.instant.internal.dispatch;

/** How far apart two points are, and how long a rider takes between them. */
public interface Metric {

    /** Metres on the geographic metric, plain units on the Euclidean one. */
    double distance(Point a, Point b);

    /** Travel time in minutes (the benchmark instances use time = distance). */
    double minutes(Point a, Point b);

    /**
     * The road-like metric of the live dispatch: the great-circle distance (haversine, mean Earth radius) times a
     * detour factor, which stands in for the streets a rider actually follows, at a constant riding speed.
     */
    static Metric roadLike(double detourFactor, double kilometresPerHour) {
        double metresPerMinute = kilometresPerHour * 1000 / 60;
        return new Metric() {
            @Override
            public double distance(Point a, Point b) {
                return greatCircleMetres(a, b) * detourFactor;
            }

            @Override
            public double minutes(Point a, Point b) {
                return distance(a, b) / metresPerMinute;
            }
        };
    }

    /** Straight-line distance; travel time equals distance (the Li &amp; Lim convention). */
    static Metric euclidean() {
        return new Metric() {
            @Override
            public double distance(Point a, Point b) {
                return Math.hypot(a.x() - b.x(), a.y() - b.y());
            }

            @Override
            public double minutes(Point a, Point b) {
                return distance(a, b);
            }
        };
    }

    /** The haversine distance in metres between two latitude/longitude points. */
    static double greatCircleMetres(Point a, Point b) {
        double lat1 = Math.toRadians(a.x());
        double lat2 = Math.toRadians(b.x());
        double dLat = lat2 - lat1;
        double dLng = Math.toRadians(b.y() - a.y());
        double h = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(lat1) * Math.cos(lat2) * Math.sin(dLng / 2) * Math.sin(dLng / 2);
        return 2 * 6_371_008.8 * Math.asin(Math.min(1, Math.sqrt(h)));
    }
}
