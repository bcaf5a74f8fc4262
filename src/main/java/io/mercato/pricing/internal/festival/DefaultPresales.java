package io.mercato.pricing.internal.festival;

import io.mercato.catalog.Catalog;
import io.mercato.catalog.SaleableSku;
import io.mercato.platform.Actor;
import io.mercato.platform.ConflictException;
import io.mercato.platform.InvalidInputException;
import io.mercato.platform.NotFoundException;
import io.mercato.platform.Role;
import io.mercato.platform.Text;
import io.mercato.pricing.Festivals.Festival;
import io.mercato.pricing.Presales;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class DefaultPresales implements Presales {

    static final long MAX_DEPOSIT_MINOR = 100_000_00L;

    private final FestivalRows rows;
    private final Catalog catalog;
    private final Clock clock;

    DefaultPresales(FestivalRows rows, Catalog catalog, Clock clock) {
        this.rows = rows;
        this.catalog = catalog;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Offer create(Actor actor, long festivalId, NewOffer offer) {
        actor.require(Role.SELLER, Role.OPERATOR);
        if (offer.skuId() == null) {
            throw new InvalidInputException("skuId", Text.of("pricing.skuIdRequiredEnrolledSKUPut"));
        }
        long skuId = offer.skuId();
        Festival festival = rows.lockFestival(festivalId).orElseThrow(() -> DefaultFestivals.notFound(festivalId));
        long storeId = catalog.requireSkuManagedBy(actor, skuId);
        long deposit = amount("depositMinor", offer.depositMinor());
        long worth = amount("worthMinor", offer.worthMinor());
        if (worth < deposit) {
            throw new InvalidInputException("worthMinor", Text.of("pricing.depositWorthLeastWhatCosts", deposit, worth));
        }
        int limit = offer.perBuyerLimit() == null ? 1 : offer.perBuyerLimit();
        if (limit < 1 || limit > 100) {
            throw new InvalidInputException("perBuyerLimit", Text.of("pricing.perBuyerLimitMustBetweenGot", limit));
        }
        if (offer.unpaidRule() == null) {
            throw new InvalidInputException("unpaidRule", Text.of("pricing.unpaidRuleRequiredFORFEITREFUND"));
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        if (!festival.hasPresale() || festival.presaleUntil() == null) {
            throw new ConflictException(Text.of("pricing.festivalHasNoPresaleWindow", festivalId));
        }
        if (!now.isBefore(festival.presaleUntil())) {
            throw new ConflictException(Text.of("pricing.presaleWindowFestivalClosed", festivalId, festival.presaleUntil()));
        }
        if (rows.enrolment(festivalId, skuId).isEmpty()) {
            throw new ConflictException(Text.of("pricing.skuNotEnrolledFestivalEnrol", skuId, festivalId));
        }
        SaleableSku sku = catalog.saleable(skuId);
        if (worth >= sku.price().minor()) {
            throw new InvalidInputException("worthMinor", Text.of("pricing.depositSWorthMustStay", sku.price(), worth));
        }
        long id = rows.insertOffer(festivalId, skuId, sku.productId(), storeId, sku.price().currency(), deposit, worth,
                limit, offer.unpaidRule(), actor.label(), now);
        if (id == 0) {
            throw new ConflictException(Text.of("pricing.skuAlreadyPresaleFestival", skuId, festivalId));
        }
        return offer(id);
    }

    @Override
    public Offer offer(long offerId) {
        return rows.offer(offerId).orElseThrow(() -> new NotFoundException(Text.of("pricing.presaleOfferDoesNotExist", offerId)));
    }

    @Override
    public List<Offer> offers(long festivalId, @Nullable Long storeId) {
        rows.festival(festivalId).orElseThrow(() -> DefaultFestivals.notFound(festivalId));
        return rows.offers(festivalId, storeId);
    }

    private static long amount(String field, @Nullable Long value) {
        if (value == null) {
            throw new InvalidInputException(field, Text.of("pricing.requiredMinorUnitsRMB", field));
        }
        if (value <= 0 || value > MAX_DEPOSIT_MINOR) {
            throw new InvalidInputException(field, Text.of("pricing.mustBetweenGot", field, MAX_DEPOSIT_MINOR, value));
        }
        return value;
    }
}
