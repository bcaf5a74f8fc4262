package io.mercato.instant.internal.dispatch;

/** How far apart two points are, and how long a rider takes between them. */
public interface Metric {

    /** Metres on the geographic metric, plain units on the Euclidean one. */
    double distance(Point a, Point b);

    /** Travel time in minutes over a distance (the benchmark instances use time = distance). */
    double minutes(double distance);

    /** Travel time in minutes between two points. */
    default double minutes(Point a, Point b) {
        return minutes(distance(a, b));
    }

    /**
     * The road-like metric of the live dispatch: the straight-line distance on the Earth's surface times a detour
     * factor, which stands in for the streets a rider actually follows, at a constant riding speed. The straight line
     * is the equirectangular approximation of the great-circle distance (one cosine instead of the haversine's five
     * trigonometric calls; within 0.1% of it below 50 km, which is all a city needs).
     */
    static Metric roadLike(double detourFactor, double kilometresPerHour) {
        double metresPerMinute = kilometresPerHour * 1000 / 60;
        return new Metric() {
            @Override
            public double distance(Point a, Point b) {
                return straightMetres(a, b) * detourFactor;
            }

            @Override
            public double minutes(double distance) {
                return distance / metresPerMinute;
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
            public double minutes(double distance) {
                return distance;
            }
        };
    }

    /** The equirectangular distance in metres between two latitude/longitude points (city scale). */
    static double straightMetres(Point a, Point b) {
        double meanLat = Math.toRadians((a.x() + b.x()) / 2);
        double dLat = Math.toRadians(b.x() - a.x());
        double dLng = Math.toRadians(b.y() - a.y()) * Math.cos(meanLat);
        return 6_371_008.8 * Math.sqrt(dLat * dLat + dLng * dLng);
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
