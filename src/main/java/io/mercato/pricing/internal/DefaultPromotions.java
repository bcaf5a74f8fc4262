package io.mercato.pricing.internal;

import io.mercato.catalog.Catalog;
import io.mercato.catalog.SkuPrice;
import io.mercato.merchant.Stores;
import io.mercato.platform.Actor;
import io.mercato.platform.ConflictException;
import io.mercato.platform.Currencies;
import io.mercato.platform.InvalidInputException;
import io.mercato.platform.Money;
import io.mercato.platform.NotFoundException;
import io.mercato.platform.Role;
import io.mercato.platform.Text;
import io.mercato.pricing.AdjustmentKind;
import io.mercato.pricing.Promotions;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** SKU promotions and threshold discounts on the {@code pricing} tables; each change bumps the snapshot version. */
@Service
class DefaultPromotions implements Promotions {

    private static final Set<AdjustmentKind> MERCHANT_KINDS = Set.of(AdjustmentKind.FLASH_SALE,
            AdjustmentKind.LIMITED_TIME, AdjustmentKind.MEMBER_PRICE);
    private static final Duration FLASH_SALE_LONGEST = Duration.ofDays(7);
    private static final Duration LONGEST = Duration.ofDays(366);
    private static final String SKU_COLUMNS =
            "id, kind, name, store_id, sku_id, price_minor, currency, percent_bp, starts_at, ends_at, ended_at";
    private static final String THRESHOLD_COLUMNS =
            "id, name, step_minor, off_minor, cap_minor, currency, festival_id, starts_at, ends_at, ended_at";

    private final JdbcClient jdbc;
    private final Catalog catalog;
    private final Stores stores;
    private final PromotionVersion version;
    private final Clock clock;
    private final DefaultVouchers vouchers;

    DefaultPromotions(JdbcClient jdbc, Catalog catalog, Stores stores, PromotionVersion version, Clock clock,
            DefaultVouchers vouchers) {
        this.vouchers = vouchers;
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.stores = stores;
        this.version = version;
        this.clock = clock;
    }

    @Override
    @Transactional
    public SkuPromotion create(Actor actor, NewSkuPromotion promotion) {
        actor.require(Role.SELLER, Role.OPERATOR);
        if (promotion == null) {
            throw new InvalidInputException("promotion", Text.of("pricing.namePromotionSFields"));
        }
        AdjustmentKind kind = promotion.kind();
        if (kind == null || !(MERCHANT_KINDS.contains(kind) || kind == AdjustmentKind.SUBSIDY)) {
            throw new InvalidInputException("kind", Text.of("pricing.skuPromotionFLASHSALELIMITED", kind));
        }
        String name = Names.require("name", promotion.name());
        SkuPrice sku = catalog.skuPrices(List.of(promotion.skuId())).get(promotion.skuId());
        if (sku == null) {
            throw new InvalidInputException("skuId", Text.of("pricing.skuDoesNotExist", promotion.skuId()));
        }
        if (kind == AdjustmentKind.SUBSIDY) {
            actor.require(Role.OPERATOR);
        } else {
            stores.requireManagedBy(actor, sku.storeId());
        }
        Money price = promotion.price();
        Integer percent = promotion.percentOffBasisPoints();
        if (kind == AdjustmentKind.MEMBER_PRICE) {
            if (price != null) {
                throw new InvalidInputException("price", Text.of("pricing.memberPricePercentageOffLeave"));
            }
            percent = percent == null ? MEMBER_PRICE_DEFAULT_BP : percent;
            if (percent < 1 || percent > MEMBER_PRICE_MAX_BP) {
                throw new InvalidInputException("percentOffBasisPoints", Text.of("pricing.memberPriceTakesBasisPoints", MEMBER_PRICE_MAX_BP, percent));
            }
        } else if ((price == null) == (percent == null)) {
            throw new InvalidInputException("price", Text.of("pricing.giveEitherPricePercentageOff"));
        } else if (price != null) {
            Currencies.parse(price.currencyCode());
            if (!price.currency().equals(sku.price().currency())) {
                throw new InvalidInputException("price.currency", Text.of("pricing.skuPricedNot", sku.skuId(), sku.price().currencyCode(), price.currencyCode()));
            }
            if (price.minor() < 0 || price.minor() >= sku.price().minor()) {
                throw new InvalidInputException("price", Text.of("pricing.priceMustBelowListPrice", sku.price(), price));
            }
            if (kind == AdjustmentKind.SUBSIDY && price.minor() < sku.price().minor() - sku.price().basisPoints(SUBSIDY_MAX_BP).minor()) {
                throw new InvalidInputException("price", Text.of("pricing.subsidisedPriceTakesMostOff", sku.price(), price));
            }
            if (kind != AdjustmentKind.SUBSIDY && price.minor() == 0) {
                throw new InvalidInputException("price", Text.of("pricing.merchantSPriceMustAbove"));
            }
        } else {
            int max = kind == AdjustmentKind.SUBSIDY ? SUBSIDY_MAX_BP : 9_000;
            if (percent < 1 || percent > max) {
                throw new InvalidInputException("percentOffBasisPoints", Text.of("pricing.discountTakesBasisPointsOff", kind.name().toLowerCase().replace('_', '-'), max, percent));
            }
        }
        Windows.require("startsAt", "endsAt", promotion.startsAt(), promotion.endsAt(),
                kind == AdjustmentKind.FLASH_SALE ? FLASH_SALE_LONGEST : LONGEST);
        Instant now = now();
        if (!promotion.endsAt().isAfter(now)) {
            throw new InvalidInputException("endsAt", Text.of("pricing.promotionWouldAlreadyOver", promotion.endsAt()));
        }
        long id = jdbc.sql("""
                INSERT INTO pricing.sku_promotions (kind, name, store_id, sku_id, price_minor, currency, percent_bp,
                  starts_at, ends_at, created_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(kind.name(), name, sku.storeId(), sku.skuId(), price == null ? null : price.minor(),
                        price == null ? null : price.currencyCode(), price == null ? percent : null,
                        DefaultVouchers.ts(promotion.startsAt()), DefaultVouchers.ts(promotion.endsAt()), actor.label(),
                        DefaultVouchers.ts(now))
                .query(Long.class).single();
        version.bump();
        return skuPromotion(id);
    }

    @Override
    @Transactional
    public SkuPromotion end(Actor actor, long promotionId) {
        actor.require(Role.SELLER, Role.OPERATOR);
        SkuPromotion promotion = skuPromotion(promotionId);
        if (promotion.kind() == AdjustmentKind.SUBSIDY) {
            actor.require(Role.OPERATOR);
        } else {
            stores.requireManagedBy(actor, promotion.storeId());
        }
        if (promotion.endedAt() != null) {
            throw new ConflictException(Text.of("pricing.promotionAlreadyEnded", promotionId, promotion.endedAt()));
        }
        jdbc.sql("UPDATE pricing.sku_promotions SET ended_at = ? WHERE id = ?").params(DefaultVouchers.ts(now()), promotionId).update();
        version.bump();
        return skuPromotion(promotionId);
    }

    @Override
    public List<SkuPromotion> ofStore(Actor actor, long storeId) {
        stores.requireManagedBy(actor, storeId);
        return jdbc.sql("SELECT " + SKU_COLUMNS + " FROM pricing.sku_promotions WHERE store_id = ? AND kind <> 'SUBSIDY' ORDER BY id DESC LIMIT 500")
                .param(storeId).query((rs, n) -> skuPromotion(rs)).list();
    }

    @Override
    public List<SkuPromotion> subsidies(Actor operator) {
        operator.require(Role.OPERATOR);
        return jdbc.sql("SELECT " + SKU_COLUMNS + " FROM pricing.sku_promotions WHERE kind = 'SUBSIDY' ORDER BY id DESC LIMIT 500")
                .query((rs, n) -> skuPromotion(rs)).list();
    }

    @Override
    public List<io.mercato.pricing.Vouchers.Pool> pools(Actor actor, @org.jspecify.annotations.Nullable Long storeId) {
        return vouchers.pools(actor, storeId);
    }

    @Override
    @Transactional
    public Threshold createThreshold(Actor operator, NewThreshold threshold) {
        operator.require(Role.OPERATOR);
        if (threshold == null) {
            throw new InvalidInputException("threshold", Text.of("pricing.nameThresholdDiscountSFields"));
        }
        String name = Names.require("name", threshold.name());
        Money step = DefaultVouchers.requireAmount("step", threshold.step(), false);
        Money off = DefaultVouchers.requireAmount("off", threshold.off(), false);
        Money cap = DefaultVouchers.requireAmount("cap", threshold.cap(), false);
        if (!off.currency().equals(step.currency()) || !cap.currency().equals(step.currency())) {
            throw new InvalidInputException("off.currency", Text.of("pricing.stepAmountOffCapMust"));
        }
        if (off.minor() >= step.minor()) {
            throw new InvalidInputException("off", Text.of("pricing.amountOffMustLessStep", off, step));
        }
        if (cap.minor() < off.minor()) {
            throw new InvalidInputException("cap", Text.of("pricing.capMustLeastAmountOff", cap, off));
        }
        Windows.require("startsAt", "endsAt", threshold.startsAt(), threshold.endsAt(), LONGEST);
        Instant now = now();
        if (!threshold.endsAt().isAfter(now)) {
            throw new InvalidInputException("endsAt", Text.of("pricing.discountWouldAlreadyOver", threshold.endsAt()));
        }
        long id = jdbc.sql("""
                INSERT INTO pricing.thresholds (name, step_minor, off_minor, cap_minor, currency, festival_id,
                  starts_at, ends_at, created_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(name, step.minor(), off.minor(), cap.minor(), step.currencyCode(), threshold.festivalId(),
                        DefaultVouchers.ts(threshold.startsAt()), DefaultVouchers.ts(threshold.endsAt()),
                        operator.label(), DefaultVouchers.ts(now))
                .query(Long.class).single();
        version.bump();
        return threshold(id);
    }

    @Override
    @Transactional
    public Threshold endThreshold(Actor operator, long thresholdId) {
        operator.require(Role.OPERATOR);
        Threshold threshold = threshold(thresholdId);
        if (threshold.endedAt() != null) {
            throw new ConflictException(Text.of("pricing.thresholdDiscountAlreadyEnded", thresholdId, threshold.endedAt()));
        }
        jdbc.sql("UPDATE pricing.thresholds SET ended_at = ? WHERE id = ?").params(DefaultVouchers.ts(now()), thresholdId).update();
        version.bump();
        return threshold(thresholdId);
    }

    @Override
    public List<Threshold> thresholds(Actor operator) {
        operator.require(Role.OPERATOR);
        return jdbc.sql("SELECT " + THRESHOLD_COLUMNS + " FROM pricing.thresholds ORDER BY id DESC LIMIT 500")
                .query((rs, n) -> threshold(rs)).list();
    }

    private SkuPromotion skuPromotion(long id) {
        return jdbc.sql("SELECT " + SKU_COLUMNS + " FROM pricing.sku_promotions WHERE id = ?").param(id)
                .query((rs, n) -> skuPromotion(rs)).optional()
                .orElseThrow(() -> new NotFoundException(Text.of("pricing.promotionDoesNotExist", id)));
    }

    private Threshold threshold(long id) {
        return jdbc.sql("SELECT " + THRESHOLD_COLUMNS + " FROM pricing.thresholds WHERE id = ?").param(id)
                .query((rs, n) -> threshold(rs)).optional()
                .orElseThrow(() -> new NotFoundException(Text.of("pricing.thresholdDiscountDoesNotExist", id)));
    }

    static SkuPromotion skuPromotion(ResultSet rs) throws SQLException {
        Long priceMinor = DefaultVouchers.nullableLong(rs, 6);
        Long percent = DefaultVouchers.nullableLong(rs, 8);
        var ended = rs.getTimestamp(11);
        return new SkuPromotion(rs.getLong(1), AdjustmentKind.valueOf(rs.getString(2)), rs.getString(3), rs.getLong(4),
                rs.getLong(5), priceMinor == null ? null : Money.of(priceMinor, rs.getString(7).trim()),
                percent == null ? null : percent.intValue(), rs.getTimestamp(9).toInstant(),
                rs.getTimestamp(10).toInstant(), ended == null ? null : ended.toInstant());
    }

    static Threshold threshold(ResultSet rs) throws SQLException {
        String currency = rs.getString(6).trim();
        var ended = rs.getTimestamp(10);
        return new Threshold(rs.getLong(1), rs.getString(2), Money.of(rs.getLong(3), currency),
                Money.of(rs.getLong(4), currency), Money.of(rs.getLong(5), currency), DefaultVouchers.nullableLong(rs, 7),
                rs.getTimestamp(8).toInstant(), rs.getTimestamp(9).toInstant(), ended == null ? null : ended.toInstant());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
