package io.mercato.fulfillment;

import io.mercato.platform.Actor;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The logistics network: carriers (with their webhook secrets), their services and lanes, the holiday calendar
 * (operators); warehouses and shipping templates (sellers for their stores, operators for the platform's own).
 * Every write validates its input and names the field it refuses.
 */
public interface Logistics {

    /** Adds a carrier; the answer carries its webhook secret, shown this once. Operators only. */
    CarrierSecret addCarrier(Actor operator, String code, String name);

    /**
     * Gives the carrier a new secret; the previous one keeps working for {@code graceHours} (0 to 168), so the
     * carrier can switch without losing events. Operators only.
     */
    CarrierSecret rotateSecret(Actor operator, long carrierId, int graceHours);

    List<Carrier> carriers(Actor actor);

    Service addService(Actor operator, long carrierId, String code, ServiceKind kind, String name);

    List<Service> services();

    /** Sets (or replaces) the working days from an origin region to a destination. Operators only. */
    Lane putLane(Actor operator, long serviceId, String origin, String destination, int transitDays);

    List<Lane> lanes();

    Holiday addHoliday(Actor operator, String country, LocalDate day, String name);

    void removeHoliday(Actor operator, String country, LocalDate day);

    List<Holiday> holidays();

    /**
     * A warehouse of one of the seller's stores, or (operators, {@code storeId} null) a platform warehouse, which
     * may be a consolidation hub.
     */
    Warehouse addWarehouse(Actor actor, NewWarehouse warehouse);

    /** The seller's stores' warehouses, or for operators every warehouse. */
    List<Warehouse> warehouses(Actor actor);

    Warehouse warehouse(long warehouseId);

    /** Sets how the store ships: warehouse, service, rates per destination and a free-shipping threshold. */
    Template putTemplate(Actor actor, long storeId, NewTemplate template);

    /** The store's template, if it has one; anyone may read it (the shop quotes from it). */
    @Nullable Template template(long storeId);

    record Carrier(long id, String code, String name, String secretHint, Instant rotatedAt,
            @Nullable Instant previousValidUntil) {
    }

    record CarrierSecret(Carrier carrier, String secret) {
    }

    record Service(long id, long carrierId, String carrierCode, String code, ServiceKind kind, String name) {
    }

    /** @param onTimeRate delivered parcels on the lane that met their promise, null before the first delivery */
    record Lane(long serviceId, String origin, String destination, int transitDays, long delivered,
            @Nullable Double onTimeRate) {
    }

    record Holiday(String country, LocalDate day, String name) {
    }

    record NewWarehouse(@Nullable Long storeId, String name, String city, @Nullable String province, String country,
            String timeZone, LocalTime cutoff, boolean hub) {
    }

    /** @param region the origin region lanes start from, such as {@code CN-ZHEJIANG} */
    record Warehouse(long id, @Nullable Long storeId, String name, String city, @Nullable String province,
            String country, String timeZone, LocalTime cutoff, boolean hub, String region) {
    }

    record NewTemplate(long warehouseId, long serviceId, @Nullable Long freeOverMinor, List<Rate> rates) {

        public NewTemplate {
            rates = rates == null ? List.of() : List.copyOf(rates);
        }
    }

    /** @param destination a region, a country or {@code *} */
    record Rate(String destination, long firstKgMinor, long extraKgMinor) {
    }

    record Template(long storeId, Warehouse warehouse, Service service, String currency, @Nullable Long freeOverMinor,
            List<Rate> rates, Instant updatedAt) {
    }
}
