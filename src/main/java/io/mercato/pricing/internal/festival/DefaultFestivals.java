package io.mercato.pricing.internal.festival;

import io.mercato.catalog.Catalog;
import io.mercato.catalog.SaleableSku;
import io.mercato.merchant.StoreKind;
import io.mercato.merchant.Stores;
import io.mercato.platform.Actor;
import io.mercato.platform.ConflictException;
import io.mercato.platform.InvalidInputException;
import io.mercato.platform.NotFoundException;
import io.mercato.platform.Role;
import io.mercato.platform.Text;
import io.mercato.pricing.Festivals;
import io.mercato.pricing.Vouchers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class DefaultFestivals implements Festivals {

    static final int MAX_NAME = 100;
    static final Duration MAX_LENGTH = Duration.ofDays(60);
    static final Duration MAX_AHEAD = Duration.ofDays(366);

    private final FestivalRows rows;
    private final DefaultFestivalScope scope;
    private final Catalog catalog;
    private final Stores stores;
    private final ObjectProvider<Vouchers> vouchers;
    private final Clock clock;

    DefaultFestivals(FestivalRows rows, DefaultFestivalScope scope, Catalog catalog, Stores stores,
            ObjectProvider<Vouchers> vouchers, Clock clock) {
        this.rows = rows;
        this.scope = scope;
        this.catalog = catalog;
        this.stores = stores;
        this.vouchers = vouchers;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Festival create(Actor operator, NewFestival festival) {
        operator.require(Role.OPERATOR);
        Instant now = now();
        Kind kind = festival.kind() == null ? Kind.SHOPPING_FESTIVAL : festival.kind();
        String nameEn = name("nameEn", festival.nameEn());
        String nameZh = name("nameZh", festival.nameZh());
        Instant starts = required("startsAt", festival.startsAt());
        Instant ends = required("endsAt", festival.endsAt());
        if (!ends.isAfter(now)) {
            throw new InvalidInputException("endsAt", Text.of("pricing.festivalMustEndFutureGot", ends));
        }
        if (starts.isAfter(now.plus(MAX_AHEAD))) {
            throw new InvalidInputException("startsAt", Text.of("pricing.festivalStartsMostYearAhead", starts));
        }
        if (!ends.isAfter(starts)) {
            throw new InvalidInputException("endsAt", Text.of("pricing.festivalMustEndAfterStarts", starts, ends));
        }
        if (Duration.between(starts, ends).compareTo(MAX_LENGTH) > 0) {
            throw new InvalidInputException("endsAt", Text.of("pricing.festivalLastsMostDays", MAX_LENGTH.toDays()));
        }
        Instant presaleFrom = festival.presaleFrom();
        Instant presaleUntil = festival.presaleUntil();
        Instant finalFrom = festival.finalFrom();
        Instant finalUntil = festival.finalUntil();
        boolean anyWindow = presaleFrom != null || presaleUntil != null || finalFrom != null || finalUntil != null;
        if (anyWindow) {
            presaleFrom = required("presaleFrom", presaleFrom);
            presaleUntil = required("presaleUntil", presaleUntil);
            finalFrom = required("finalFrom", finalFrom);
            finalUntil = required("finalUntil", finalUntil);
            if (!presaleUntil.isAfter(presaleFrom)) {
                throw new InvalidInputException("presaleUntil", Text.of("pricing.presaleWindowMustEndAfter", presaleFrom));
            }
            if (presaleUntil.isAfter(starts)) {
                throw new InvalidInputException("presaleUntil", Text.of("pricing.presaleWindowMustCloseFestival", starts));
            }
            if (finalFrom.isBefore(presaleUntil)) {
                throw new InvalidInputException("finalFrom", Text.of("pricing.finalPaymentWindowOpensAfter", presaleUntil));
            }
            if (finalFrom.isBefore(starts)) {
                throw new InvalidInputException("finalFrom", Text.of("pricing.finalPaymentWindowOpensWhen", starts));
            }
            if (!finalUntil.isAfter(finalFrom)) {
                throw new InvalidInputException("finalUntil", Text.of("pricing.finalPaymentWindowMustEnd", finalFrom));
            }
            if (finalUntil.isAfter(ends)) {
                throw new InvalidInputException("finalUntil", Text.of("pricing.finalPaymentWindowMustClose", ends));
            }
        }
        long id = rows.insert(kind, nameEn, nameZh, starts, ends, presaleFrom, presaleUntil, finalFrom, finalUntil,
                operator.accountId(), now);
        return festival(id);
    }

    @Override
    public Festival festival(long festivalId) {
        return rows.festival(festivalId).orElseThrow(() -> notFound(festivalId));
    }

    @Override
    public List<Festival> upcoming(Instant at) {
        return rows.endingAfter(at);
    }

    @Override
    public List<Festival> all(Actor operator) {
        operator.require(Role.OPERATOR);
        return rows.all();
    }

    @Override
    public Optional<Festival> headline(Instant at) {
        List<Festival> upcoming = rows.endingAfter(at);
        Optional<Festival> running = upcoming.stream().filter(f -> !at.isBefore(f.startsAt()))
                .min(Comparator.comparing(Festival::endsAt).thenComparing(Festival::id));
        return running.isPresent() ? running : upcoming.stream().findFirst();
    }

    @Override
    @Transactional
    public List<Participant> addStore(Actor operator, long festivalId, long storeId) {
        operator.require(Role.OPERATOR);
        Festival festival = rows.lockFestival(festivalId).orElseThrow(() -> notFound(festivalId));
        if (festival.phase(now()) == Phase.ENDED) {
            throw new ConflictException(Text.of("pricing.festivalHasEndedStoresCan", festivalId));
        }
        var store = stores.get(storeId);
        if (festival.kind() == Kind.VALUE_CHANNEL && store.kind() != StoreKind.TAOBAO) {
            throw new ConflictException(Text.of("pricing.festivalValueMoneyChannelSmall", festivalId, storeId, store.kind()));
        }
        rows.addStore(festivalId, storeId, store.ownerAccountId(), now());
        return rows.participants(festivalId);
    }

    @Override
    public List<Participant> participants(long festivalId) {
        festival(festivalId);
        return rows.participants(festivalId);
    }

    @Override
    public List<Festival> festivalsOfStore(Actor seller, long storeId, Instant at) {
        stores.requireManagedBy(seller, storeId);
        return rows.ofStoreEndingAfter(storeId, at);
    }

    @Override
    @Transactional
    public Enrolment enrol(Actor actor, long festivalId, long skuId) {
        actor.require(Role.SELLER, Role.OPERATOR);
        Festival festival = rows.lockFestival(festivalId).orElseThrow(() -> notFound(festivalId));
        Instant now = now();
        long storeId = catalog.requireSkuManagedBy(actor, skuId);
        if (!festival.enrolmentOpen(now)) {
            throw new ConflictException(Text.of("pricing.enrolmentFestivalClosedWhenStarted", festivalId, festival.startsAt()));
        }
        if (!rows.participates(festivalId, storeId)) {
            throw new ConflictException(Text.of("pricing.storeDoesNotTakePart", storeId, festivalId));
        }
        if (rows.removedByOperator(festivalId, skuId)) {
            throw new ConflictException(Text.of("pricing.operatorRemovedSKUFromFestival", skuId, festivalId));
        }
        SaleableSku sku = catalog.saleable(skuId);
        if (rows.enrol(festivalId, skuId, sku.productId(), storeId, now, actor.label())) {
            rows.bumpScopeVersion();
            scope.changed();
        }
        return rows.enrolment(festivalId, skuId).orElseThrow();
    }

    @Override
    @Transactional
    public void withdraw(Actor actor, long festivalId, long skuId, @Nullable String reason) {
        actor.require(Role.SELLER, Role.OPERATOR);
        Festival festival = rows.lockFestival(festivalId).orElseThrow(() -> notFound(festivalId));
        Instant now = now();
        boolean changed;
        if (actor.is(Role.OPERATOR)) {
            changed = rows.remove(festivalId, skuId, now, actor.label()
                    + (reason == null || reason.isBlank() ? "" : ": " + limit(reason)));
        } else {
            catalog.requireSkuManagedBy(actor, skuId);
            if (!festival.enrolmentOpen(now)) {
                throw new ConflictException(Text.of("pricing.festivalHasStartedOnlyOperator", festivalId, skuId));
            }
            if (rows.offers(festivalId, null).stream().anyMatch(o -> o.skuId() == skuId)) {
                throw new ConflictException(Text.of("pricing.skuPresaleFestivalBuyersDeposits", skuId, festivalId));
            }
            changed = rows.delete(festivalId, skuId);
        }
        if (!changed) {
            throw new NotFoundException(Text.of("pricing.skuNotEnrolledFestival", skuId, festivalId));
        }
        rows.bumpScopeVersion();
        scope.changed();
    }

    @Override
    public List<Enrolment> enrolments(long festivalId, @Nullable Long storeId) {
        festival(festivalId);
        return rows.enrolments(festivalId, storeId);
    }

    @Override
    @Transactional
    public Vouchers.Pool addPool(Actor operator, long festivalId, Vouchers.NewPool pool) {
        operator.require(Role.OPERATOR);
        Festival festival = rows.lockFestival(festivalId).orElseThrow(() -> notFound(festivalId));
        if (festival.phase(now()) == Phase.ENDED) {
            throw new ConflictException(Text.of("pricing.festivalHasEndedTakesNo", festivalId));
        }
        if (pool.storeId() != null) {
            throw new InvalidInputException("storeId", Text.of("pricing.festivalSVouchersPlatformS"));
        }
        Vouchers service = vouchers.getIfAvailable();
        if (service == null) {
            throw new ConflictException(Text.of("pricing.voucherPoolsNotAvailablePlatform"));
        }
        // Instants at the database's precision (microseconds), so a window stored is the window asked for.
        Vouchers.Pool created = service.createPool(operator, new Vouchers.NewPool(pool.name(), pool.funder(), null,
                festivalId, pool.amountOff(), pool.threshold(), pool.totalLimit(), pool.perBuyerLimit(),
                micros(pool.claimFrom()), micros(pool.claimUntil()), micros(pool.validFrom()), micros(pool.validUntil()),
                pool.membersOnly(), pool.grantOnly()));
        return created;
    }

    @Override
    public List<Long> poolIds(long festivalId) {
        festival(festivalId);
        return rows.poolIds(festivalId);
    }

    private static @Nullable Instant micros(@Nullable Instant at) {
        return at == null ? null : at.truncatedTo(ChronoUnit.MICROS);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    static NotFoundException notFound(long festivalId) {
        return new NotFoundException(Text.of("pricing.festivalDoesNotExist", festivalId));
    }

    private static String name(String field, @Nullable String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, Text.of("pricing.required", field));
        }
        String name = value.strip();
        if (name.length() > MAX_NAME) {
            throw new InvalidInputException(field, Text.of("pricing.longerCharacters", field, MAX_NAME));
        }
        return name;
    }

    private static Instant required(String field, @Nullable Instant value) {
        if (value == null) {
            throw new InvalidInputException(field, Text.of("pricing.requiredInstantSuchT00", field));
        }
        return value.truncatedTo(ChronoUnit.MICROS);
    }

    private static String limit(String reason) {
        String text = reason.strip();
        return text.length() > 200 ? text.substring(0, 200) : text;
    }
}
