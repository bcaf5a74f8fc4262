package io.mercato.instant;

import io.mercato.platform.InvalidInputException;
import io.mercato.platform.Text;

/** A latitude/longitude in degrees (WGS 84), inside the world: latitude in [-90, 90], longitude in [-180, 180]. */
public record Position(double lat, double lng) {

    public Position {
        if (!Double.isFinite(lat) || lat < -90 || lat > 90) {
            throw new InvalidInputException("lat", Text.of("instant.position.lat", lat));
        }
        if (!Double.isFinite(lng) || lng < -180 || lng > 180) {
            throw new InvalidInputException("lng", Text.of("instant.position.lng", lng));
        }
    }

    /** The great-circle distance in metres (haversine on the mean Earth radius). */
    public double metresTo(Position other) {
        double lat1 = Math.toRadians(lat);
        double lat2 = Math.toRadians(other.lat);
        double dLat = lat2 - lat1;
        double dLng = Math.toRadians(other.lng - lng);
        double h = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(lat1) * Math.cos(lat2) * Math.sin(dLng / 2) * Math.sin(dLng / 2);
        return 2 * 6_371_008.8 * Math.asin(Math.min(1, Math.sqrt(h)));
    }
}
