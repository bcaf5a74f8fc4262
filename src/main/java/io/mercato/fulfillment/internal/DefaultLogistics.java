package io.mercato.fulfillment.internal;

import io.mercato.fulfillment.Logistics;
import io.mercato.fulfillment.ServiceKind;
import io.mercato.merchant.Store;
import io.mercato.merchant.Stores;
import io.mercato.platform.Actor;
import io.mercato.platform.ConflictException;
import io.mercato.platform.InvalidInputException;
import io.mercato.platform.NotFoundException;
import io.mercato.platform.Role;
import io.mercato.platform.Text;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The network's use cases and the only reader and writer of its tables (carriers to templates). */
@Service
class DefaultLogistics implements Logistics {

    private static final Pattern CARRIER_CODE = Pattern.compile("[A-Z0-9]{2,10}");
    private static final Pattern SERVICE_CODE = Pattern.compile("[A-Z0-9_-]{1,20}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Stores stores;
    private final CarrierSecrets secrets;
    private final Clock clock;

    DefaultLogistics(JdbcClient jdbc, Stores stores, CarrierSecrets secrets, Clock clock) {
        this.jdbc = jdbc;
        this.stores = stores;
        this.secrets = secrets;
        this.clock = clock;
    }

    // ---- carriers

    @Override
    @Transactional
    public CarrierSecret addCarrier(Actor operator, String code, String name) {
        operator.require(Role.OPERATOR);
        String checkedCode = code == null ? "" : code.strip();
        if (!CARRIER_CODE.matcher(checkedCode).matches()) {
            throw new InvalidInputException("code", Text.of("fulfillment.carrierSCodeCapitalLetters", code));
        }
        String checkedName = text("name", name, 80);
        if (jdbc.sql("SELECT count(*) FROM fulfillment.carriers WHERE code = ?").param(checkedCode).query(Long.class).single() > 0) {
            throw new ConflictException(Text.of("fulfillment.carrierExistsAlready", checkedCode));
        }
        String secret = newSecret();
        long id = jdbc.sql("INSERT INTO fulfillment.carriers (code, name, secret, rotated_at) VALUES (?, ?, ?, ?) RETURNING id")
                .params(checkedCode, checkedName, secret, Timestamp.from(clock.instant())).query(Long.class).single();
        return new CarrierSecret(carrier(id), secret);
    }

    @Override
    @Transactional
    public CarrierSecret rotateSecret(Actor operator, long carrierId, int graceHours) {
        operator.require(Role.OPERATOR);
        if (graceHours < 0 || graceHours > 168) {
            throw new InvalidInputException("graceHours", Text.of("fulfillment.oldSecretSGraceHours", graceHours));
        }
        carrier(carrierId);
        String secret = newSecret();
        Instant now = clock.instant();
        jdbc.sql("""
                UPDATE fulfillment.carriers SET previous_secret = secret, previous_valid_until = ?, secret = ?, rotated_at = ?
                WHERE id = ?""")
                .params(Timestamp.from(now.plus(Duration.ofHours(graceHours))), secret, Timestamp.from(now), carrierId)
                .update();
        secrets.forget();
        return new CarrierSecret(carrier(carrierId), secret);
    }

    @Override
    public List<Carrier> carriers(Actor actor) {
        actor.require(Role.OPERATOR);
        return jdbc.sql("SELECT id, code, name, secret, rotated_at, previous_valid_until FROM fulfillment.carriers ORDER BY code")
                .query(DefaultLogistics::carrierRow).list();
    }

    Carrier carrier(long id) {
        return jdbc.sql("SELECT id, code, name, secret, rotated_at, previous_valid_until FROM fulfillment.carriers WHERE id = ?")
                .param(id).query(DefaultLogistics::carrierRow).optional()
                .orElseThrow(() -> new NotFoundException(Text.of("fulfillment.carrierDoesNotExist", id)));
    }

    private static Carrier carrierRow(ResultSet rs, int n) throws SQLException {
        String secret = rs.getString(4);
        Timestamp previous = rs.getTimestamp(6);
        return new Carrier(rs.getLong(1), rs.getString(2), rs.getString(3), "…" + secret.substring(secret.length() - 4),
                rs.getTimestamp(5).toInstant(), previous == null ? null : previous.toInstant());
    }

    private static String newSecret() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return "whsec_" + HexFormat.of().formatHex(bytes);
    }

    // ---- services and lanes

    @Override
    @Transactional
    public Service addService(Actor operator, long carrierId, String code, ServiceKind kind, String name) {
        operator.require(Role.OPERATOR);
        carrier(carrierId);
        String checkedCode = code == null ? "" : code.strip();
        if (!SERVICE_CODE.matcher(checkedCode).matches()) {
            throw new InvalidInputException("code", Text.of("fulfillment.serviceSCodeCapitalLetters", code));
        }
        if (kind == null) {
            throw new InvalidInputException("kind", Text.of("fulfillment.nameServiceSKindSTANDARD"));
        }
        String checkedName = text("name", name, 80);
        if (jdbc.sql("SELECT count(*) FROM fulfillment.services WHERE carrier_id = ? AND code = ?")
                .params(carrierId, checkedCode).query(Long.class).single() > 0) {
            throw new ConflictException(Text.of("fulfillment.carrierAlreadyHasService", carrierId, checkedCode));
        }
        long id = jdbc.sql("INSERT INTO fulfillment.services (carrier_id, code, kind, name) VALUES (?, ?, ?, ?) RETURNING id")
                .params(carrierId, checkedCode, kind.name(), checkedName).query(Long.class).single();
        return service(id);
    }

    @Override
    public List<Service> services() {
        return jdbc.sql(SERVICE_SELECT + " ORDER BY c.code, s.code").query(DefaultLogistics::serviceRow).list();
    }

    private static final String SERVICE_SELECT = """
            SELECT s.id, s.carrier_id, c.code, s.code, s.kind, s.name
            FROM fulfillment.services s JOIN fulfillment.carriers c ON c.id = s.carrier_id""";

    Service service(long id) {
        return jdbc.sql(SERVICE_SELECT + " WHERE s.id = ?").param(id).query(DefaultLogistics::serviceRow).optional()
                .orElseThrow(() -> new NotFoundException(Text.of("fulfillment.serviceDoesNotExist", id)));
    }

    private static Service serviceRow(ResultSet rs, int n) throws SQLException {
        return new Service(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                ServiceKind.valueOf(rs.getString(5)), rs.getString(6));
    }

    @Override
    @Transactional
    public Lane putLane(Actor operator, long serviceId, String origin, String destination, int transitDays) {
        operator.require(Role.OPERATOR);
        String from = Regions.pattern("origin", origin);
        String to = Regions.pattern("destination", destination);
        if (from.equals("*") || from.length() == 2) {
            throw new InvalidInputException("origin", Text.of("fulfillment.laneStartsFromOneRegion", origin));
        }
        if (transitDays < 0 || transitDays > 60) {
            throw new InvalidInputException("transitDays", Text.of("fulfillment.transitWorkingDaysGot", transitDays));
        }
        service(serviceId);
        jdbc.sql("""
                INSERT INTO fulfillment.lanes (service_id, origin, destination, transit_days) VALUES (?, ?, ?, ?)
                ON CONFLICT (service_id, origin, destination) DO UPDATE SET transit_days = EXCLUDED.transit_days""")
                .params(serviceId, from, to, transitDays).update();
        return lanes().stream().filter(l -> l.serviceId() == serviceId && l.origin().equals(from) && l.destination().equals(to))
                .findFirst().orElseThrow();
    }

    @Override
    public List<Lane> lanes() {
        return jdbc.sql("""
                SELECT l.service_id, l.origin, l.destination, l.transit_days,
                       count(p.delivered_at), count(*) FILTER (WHERE p.delivered_at <= p.promised_by)
                FROM fulfillment.lanes l
                LEFT JOIN fulfillment.order_promises p ON p.service_id = l.service_id AND p.origin = l.origin
                     AND p.destination = l.destination AND p.delivered_at IS NOT NULL
                GROUP BY l.service_id, l.origin, l.destination, l.transit_days
                ORDER BY l.service_id, l.origin, l.destination""")
                .query((rs, n) -> {
                    long delivered = rs.getLong(5);
                    return new Lane(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), delivered,
                            delivered == 0 ? null : rs.getLong(6) / (double) delivered);
                }).list();
    }

    /** The lane of the service from the origin that serves the destination region most specifically. */
    @Nullable LaneMatch lane(long serviceId, String origin, String destinationRegion) {
        List<String> candidates = Regions.candidates(destinationRegion);
        return jdbc.sql("""
                SELECT destination, transit_days FROM fulfillment.lanes
                WHERE service_id = ? AND origin = ? AND destination IN (?, ?, ?)""")
                .params(serviceId, origin, candidates.get(0), candidates.get(1), candidates.get(candidates.size() - 1))
                .query((rs, n) -> new LaneMatch(rs.getString(1), rs.getInt(2))).list().stream()
                .min((a, b) -> Integer.compare(candidates.indexOf(a.destination()), candidates.indexOf(b.destination())))
                .orElse(null);
    }

    record LaneMatch(String destination, int transitDays) {
    }

    // ---- holidays

    @Override
    @Transactional
    public Holiday addHoliday(Actor operator, String country, LocalDate day, String name) {
        operator.require(Role.OPERATOR);
        String checked = Regions.country("country", country);
        if (day == null) {
            throw new InvalidInputException("day", Text.of("fulfillment.nameHolidaySDayYYYY"));
        }
        String checkedName = text("name", name, 80);
        jdbc.sql("""
                INSERT INTO fulfillment.holidays (country, day, name) VALUES (?, ?, ?)
                ON CONFLICT (country, day) DO UPDATE SET name = EXCLUDED.name""").params(checked, day, checkedName).update();
        return new Holiday(checked, day, checkedName);
    }

    @Override
    @Transactional
    public void removeHoliday(Actor operator, String country, LocalDate day) {
        operator.require(Role.OPERATOR);
        if (jdbc.sql("DELETE FROM fulfillment.holidays WHERE country = ? AND day = ?").params(country, day).update() == 0) {
            throw new NotFoundException(Text.of("fulfillment.noHoliday", day, country));
        }
    }

    @Override
    public List<Holiday> holidays() {
        return jdbc.sql("SELECT country, day, name FROM fulfillment.holidays ORDER BY day, country")
                .query((rs, n) -> new Holiday(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getString(3))).list();
    }

    Set<LocalDate> holidaysIn(String country, LocalDate from) {
        return Set.copyOf(jdbc.sql("SELECT day FROM fulfillment.holidays WHERE country = ? AND day >= ? AND day < ?")
                .params(country, from, from.plusDays(120)).query(LocalDate.class).list());
    }

    // ---- warehouses

    @Override
    @Transactional
    public Warehouse addWarehouse(Actor actor, NewWarehouse wanted) {
        actor.require(Role.SELLER, Role.OPERATOR);
        if (wanted.storeId() == null) {
            if (!actor.is(Role.OPERATOR)) {
                throw new InvalidInputException("storeId", Text.of("fulfillment.nameStoreWarehouseShips"));
            }
        } else {
            stores.requireManagedBy(actor, wanted.storeId());
            if (wanted.hub()) {
                throw new InvalidInputException("hub", Text.of("fulfillment.onlyPlatformWarehousesWithoutStore"));
            }
        }
        String name = text("name", wanted.name(), 80);
        String city = text("city", wanted.city(), 80);
        String province = wanted.province() == null || wanted.province().isBlank() ? null : text("province", wanted.province(), 80);
        String country = Regions.country("country", wanted.country());
        String zone = wanted.timeZone() == null ? "" : wanted.timeZone().strip();
        try {
            ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new InvalidInputException("timeZone", Text.of("fulfillment.timeZoneNotKnownUse", wanted.timeZone()));
        }
        if (zone.isEmpty() || !zone.contains("/")) {
            throw new InvalidInputException("timeZone", Text.of("fulfillment.nameTimeZoneRegionSuch", wanted.timeZone()));
        }
        if (wanted.cutoff() == null) {
            throw new InvalidInputException("cutoff", Text.of("fulfillment.nameDailyCutOffTime"));
        }
        long id = jdbc.sql("""
                INSERT INTO fulfillment.warehouses (store_id, name, city, province, country, time_zone, cutoff, hub, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(wanted.storeId(), name, city, province, country, zone, Time.valueOf(wanted.cutoff()), wanted.hub(),
                        Timestamp.from(clock.instant()))
                .query(Long.class).single();
        return warehouse(id);
    }

    private static final String WAREHOUSE_SELECT =
            "SELECT id, store_id, name, city, province, country, time_zone, cutoff, hub FROM fulfillment.warehouses";

    @Override
    public List<Warehouse> warehouses(Actor actor) {
        actor.require(Role.SELLER, Role.OPERATOR);
        if (actor.is(Role.OPERATOR)) {
            return jdbc.sql(WAREHOUSE_SELECT + " ORDER BY id").query(DefaultLogistics::warehouseRow).list();
        }
        List<Long> owned = stores.ownedBy(actor.accountId()).stream().map(Store::id).toList();
        if (owned.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(WAREHOUSE_SELECT + " WHERE store_id IN (:stores) ORDER BY id").param("stores", owned)
                .query(DefaultLogistics::warehouseRow).list();
    }

    @Override
    public Warehouse warehouse(long warehouseId) {
        return jdbc.sql(WAREHOUSE_SELECT + " WHERE id = ?").param(warehouseId).query(DefaultLogistics::warehouseRow)
                .optional().orElseThrow(() -> new NotFoundException(Text.of("fulfillment.warehouseDoesNotExist", warehouseId)));
    }

    private static Warehouse warehouseRow(ResultSet rs, int n) throws SQLException {
        String country = rs.getString(6);
        String province = rs.getString(5);
        String city = rs.getString(4);
        return new Warehouse(rs.getLong(1), rs.getObject(2, Long.class), rs.getString(3), city, province, country,
                rs.getString(7), rs.getTime(8).toLocalTime(), rs.getBoolean(9), Regions.of(country, province, city));
    }

    // ---- templates

    @Override
    @Transactional
    public Template putTemplate(Actor actor, long storeId, NewTemplate wanted) {
        Store store = stores.requireManagedBy(actor, storeId);
        Warehouse warehouse;
        try {
            warehouse = warehouse(wanted.warehouseId());
        } catch (NotFoundException e) {
            throw new InvalidInputException("warehouseId", e.text());
        }
        if (warehouse.storeId() == null || warehouse.storeId() != storeId) {
            throw new InvalidInputException("warehouseId", Text.of("fulfillment.warehouseNotOneStoreS", wanted.warehouseId(), storeId));
        }
        try {
            service(wanted.serviceId());
        } catch (NotFoundException e) {
            throw new InvalidInputException("serviceId", e.text());
        }
        if (wanted.freeOverMinor() != null && wanted.freeOverMinor() < 0) {
            throw new InvalidInputException("freeOverMinor", Text.of("fulfillment.freeShippingThresholdCannotNegative"));
        }
        if (wanted.rates().size() > 50) {
            throw new InvalidInputException("rates", Text.of("fulfillment.mostRatesPerTemplateGot", wanted.rates().size()));
        }
        List<Rate> rates = new java.util.ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < wanted.rates().size(); i++) {
            Rate rate = wanted.rates().get(i);
            if (rate == null) {
                throw new InvalidInputException("rates[" + i + "]", Text.of("fulfillment.ratesEmpty", i));
            }
            String destination = Regions.pattern("rates[" + i + "].destination", rate.destination());
            if (rate.firstKgMinor() < 0 || rate.extraKgMinor() < 0 || rate.firstKgMinor() > 100_000_00L
                    || rate.extraKgMinor() > 100_000_00L) {
                throw new InvalidInputException("rates[" + i + "].firstKgMinor", Text.of("fulfillment.rates"));
            }
            if (!seen.add(destination)) {
                throw new InvalidInputException("rates[" + i + "].destination", Text.of("fulfillment.destinationAppearsTwice", destination));
            }
            rates.add(new Rate(destination, rate.firstKgMinor(), rate.extraKgMinor()));
        }
        jdbc.sql("""
                INSERT INTO fulfillment.templates (store_id, warehouse_id, service_id, currency, free_over_minor, updated_at)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (store_id) DO UPDATE SET warehouse_id = EXCLUDED.warehouse_id, service_id = EXCLUDED.service_id,
                    currency = EXCLUDED.currency, free_over_minor = EXCLUDED.free_over_minor, updated_at = EXCLUDED.updated_at""")
                .params(storeId, warehouse.id(), wanted.serviceId(), store.currency(), wanted.freeOverMinor(),
                        Timestamp.from(clock.instant()))
                .update();
        jdbc.sql("DELETE FROM fulfillment.template_rates WHERE store_id = ?").param(storeId).update();
        for (Rate rate : rates) {
            jdbc.sql("INSERT INTO fulfillment.template_rates (store_id, destination, first_kg_minor, extra_kg_minor) VALUES (?, ?, ?, ?)")
                    .params(storeId, rate.destination(), rate.firstKgMinor(), rate.extraKgMinor()).update();
        }
        return template(storeId);
    }

    @Override
    public @Nullable Template template(long storeId) {
        record Row(long warehouseId, long serviceId, String currency, @Nullable Long freeOver, Instant updatedAt) {
        }
        Row row = jdbc.sql("SELECT warehouse_id, service_id, currency, free_over_minor, updated_at FROM fulfillment.templates WHERE store_id = ?")
                .param(storeId)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getObject(4, Long.class),
                        rs.getTimestamp(5).toInstant()))
                .optional().orElse(null);
        if (row == null) {
            return null;
        }
        List<Rate> rates = jdbc.sql("SELECT destination, first_kg_minor, extra_kg_minor FROM fulfillment.template_rates WHERE store_id = ? ORDER BY destination")
                .param(storeId).query((rs, n) -> new Rate(rs.getString(1), rs.getLong(2), rs.getLong(3))).list();
        return new Template(storeId, warehouse(row.warehouseId()), service(row.serviceId()), row.currency(), row.freeOver(),
                rates, row.updatedAt());
    }

    static String text(String field, @Nullable String value, int max) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, Text.of("fulfillment.required", field));
        }
        if (value.strip().length() > max) {
            throw new InvalidInputException(field, Text.of("fulfillment.longerCharacters", field, max));
        }
        return value.strip();
    }
}
