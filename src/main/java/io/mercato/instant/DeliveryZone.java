package io.mercato.instant;

import io.mercato.platform.InvalidInputException;
import io.mercato.platform.Text;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Where a local store delivers: a radius around the store, or a polygon (at least three corners, not closed: the
 * last corner joins the first). Exactly one of the two.
 */
public record DeliveryZone(@Nullable Integer radiusMetres, @Nullable List<Position> polygon) {

    public DeliveryZone {
        if ((radiusMetres == null) == (polygon == null || polygon.isEmpty())) {
            throw new InvalidInputException("zone", Text.of("instant.zone.oneOf"));
        }
        if (radiusMetres != null && (radiusMetres < 100 || radiusMetres > 50_000)) {
            throw new InvalidInputException("zone.radiusMetres", Text.of("instant.zone.radius", radiusMetres));
        }
        if (polygon != null) {
            polygon = List.copyOf(polygon);
            if (!polygon.isEmpty() && (polygon.size() < 3 || polygon.size() > 200)) {
                throw new InvalidInputException("zone.polygon", Text.of("instant.zone.polygon", polygon.size()));
            }
            if (polygon.isEmpty()) {
                polygon = null;
            }
        }
    }

    public static DeliveryZone radius(int metres) {
        return new DeliveryZone(metres, null);
    }

    public static DeliveryZone polygon(List<Position> corners) {
        return new DeliveryZone(null, corners);
    }

    /**
     * Whether the zone of a store at {@code store} covers {@code point}: within the radius (great-circle), or inside
     * the polygon by the even-odd rule on latitude/longitude (fine for city-sized zones away from the antimeridian).
     */
    public boolean contains(Position store, Position point) {
        if (radiusMetres != null) {
            return store.metresTo(point) <= radiusMetres;
        }
        List<Position> corners = polygon == null ? List.of() : polygon;
        boolean inside = false;
        for (int i = 0, j = corners.size() - 1; i < corners.size(); j = i++) {
            Position a = corners.get(i);
            Position b = corners.get(j);
            if ((a.lat() > point.lat()) != (b.lat() > point.lat())) {
                double lngAtLat = a.lng() + (point.lat() - a.lat()) * (b.lng() - a.lng()) / (b.lat() - a.lat());
                if (point.lng() < lngAtLat) {
                    inside = !inside;
                }
            }
        }
        return inside;
    }
}
