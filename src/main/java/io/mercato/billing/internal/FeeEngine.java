package io.mercato.billing.internal;

import io.mercato.billing.FeeCharge;
import io.mercato.billing.FeeRule;
import io.mercato.billing.FeeRuleKind;
import io.mercato.billing.RebateProgramme;
import io.mercato.billing.internal.FeeRuleStore.NewCharge;
import io.mercato.merchant.StoreKind;
import io.mercato.merchant.Stores;
import io.mercato.ordering.OrderFees;
import io.mercato.platform.Money;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The fee engine: what an order pays when it completes, under the rules in force when it was paid, and what a
 * refund of a settled order gives back. Every amount is booked in {@code billing.order_charges}, one row per rule
 * (and line, for commissions), so that statements show fees by rule and an order's rows sum to what fee revenue
 * holds of it on the ledger.
 *
 * <ul>
 * <li>Service fee: the most specific {@code SERVICE_FEE} rule in force (named store, then store kind, then every
 * store) on the whole value kept. Seeded: 0.6% on Taobao stores.</li>
 * <li>Commission, per line: the most specific {@code COMMISSION} rule for the line's category; failing one, the
 * category's own rate for the kinds that pay commission (Tmall, Local, Global). An operator's commission rule
 * that names no store kind applies only to those kinds too.</li>
 * <li>Rebate: the new-merchant programme in force that gives back most, on orders paid within its days of the
 * store opening, on at most its GMV cap of order value per store; netted from the fee.</li>
 * </ul>
 * Each amount rounds half-up to the minor unit.
 */
@Component
class FeeEngine implements OrderFees {

    /** Store kinds whose lines pay their category's commission unless a rule says otherwise. */
    static boolean paysCategoryCommission(StoreKind kind) {
        return kind == StoreKind.TMALL || kind == StoreKind.LOCAL || kind == StoreKind.GLOBAL;
    }

    private final FeeRuleStore store;
    private final Stores stores;
    private final Clock clock;

    FeeEngine(FeeRuleStore store, Stores stores, Clock clock) {
        this.store = store;
        this.stores = stores;
        this.clock = clock;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public Money charge(FeeBasis order) {
        // An order completes once (under its row lock); if asked again, it answers what was booked.
        List<FeeCharge> booked = store.charges(order.orderId());
        if (booked.stream().anyMatch(charge -> charge.refundId() == null)) {
            return sum(order, booked.stream().filter(charge -> charge.refundId() == null).toList());
        }
        List<NewCharge> charges = new ArrayList<>(gross(order));
        long gross = charges.stream().mapToLong(NewCharge::amountMinor).sum();
        if (gross > 0) {
            rebate(order, gross).ifPresent(charges::add);
        }
        store.insertCharges(order.orderId(), null, order.storeId(), order.sellerAccountId(), order.currency(),
                clock.instant(), charges);
        return new Money(charges.stream().mapToLong(NewCharge::amountMinor).sum(), order.currency());
    }

    /** The fees the rules charge on the value kept, before any rebate. */
    List<NewCharge> gross(FeeBasis order) {
        return gross(order, store.rules(FeeRuleKind.SERVICE_FEE), store.rules(FeeRuleKind.COMMISSION));
    }

    /** The fees these rules charge on the order's value kept, before any rebate; no database. */
    static List<NewCharge> gross(FeeBasis order, List<FeeRule> serviceRules, List<FeeRule> allCommissionRules) {
        List<NewCharge> charges = new ArrayList<>();
        Money kept = order.kept();
        FeeRuleStore.inForce(serviceRules, order.paidAt(), order.storeId(), order.storeKind(), null).ifPresent(rule -> {
            if (rule.rateBasisPoints() != null && rule.rateBasisPoints() > 0) {
                charges.add(new NewCharge("CHARGE", "SERVICE_FEE", rule.id(), null, rule.rateBasisPoints(), kept.minor(),
                        kept.basisPoints(rule.rateBasisPoints()).minor()));
            }
        });
        List<FeeRule> commissionRules = allCommissionRules.stream()
                .filter(rule -> paysCategoryCommission(order.storeKind()) || rule.storeKind() != null
                        || rule.storeId() != null)
                .toList();
        for (FeeLine line : order.lines()) {
            Optional<FeeRule> rule = FeeRuleStore.inForce(commissionRules, order.paidAt(), order.storeId(),
                    order.storeKind(), line.categoryId());
            if (rule.isPresent()) {
                int rate = rule.get().rateBasisPoints() == null ? 0 : rule.get().rateBasisPoints();
                charges.add(new NewCharge("CHARGE", "COMMISSION", rule.get().id(), line.lineId(), rate,
                        line.kept().minor(), line.kept().basisPoints(rate).minor()));
            } else if (paysCategoryCommission(order.storeKind()) && line.commissionBasisPoints() > 0) {
                charges.add(new NewCharge("CHARGE", "CATEGORY_COMMISSION", null, line.lineId(),
                        line.commissionBasisPoints(), line.kept().minor(),
                        line.kept().basisPoints(line.commissionBasisPoints()).minor()));
            }
        }
        return charges;
    }

    /** The most generous rebate programme the order earns, as a negative charge. */
    private Optional<NewCharge> rebate(FeeBasis order, long gross) {
        List<RebateProgramme> programmes = store.rebates().stream()
                .filter(programme -> applies(programme, order))
                .toList();
        if (programmes.isEmpty()) {
            return Optional.empty();
        }
        Instant opened = stores.get(order.storeId()).createdAt();
        long kept = order.kept().minor();
        if (kept <= 0) {
            return Optional.empty();
        }
        store.lockStoreRebates(order.storeId());
        NewCharge best = null;
        for (RebateProgramme programme : programmes) {
            if (programme.days() != null && !order.paidAt().isBefore(opened.plus(Duration.ofDays(programme.days())))) {
                continue;
            }
            long eligible = kept;
            if (programme.gmvCapMinor() != null) {
                eligible = Math.min(kept, programme.gmvCapMinor() - store.rebatedBasis(order.storeId(), programme.id()));
            }
            if (eligible <= 0) {
                continue;
            }
            // gross × share × eligible / kept, rounded half-up, never more than the fee.
            long amount = Math.min(gross, divideHalfUp(BigInteger.valueOf(gross)
                    .multiply(BigInteger.valueOf(programme.rebateBasisPoints())).multiply(BigInteger.valueOf(eligible)),
                    BigInteger.valueOf(10_000L).multiply(BigInteger.valueOf(kept))));
            if (amount > 0 && (best == null || amount > -best.amountMinor())) {
                best = new NewCharge("REBATE", "REBATE", programme.id(), null, programme.rebateBasisPoints(), eligible,
                        -amount);
            }
        }
        return Optional.ofNullable(best);
    }

    private static boolean applies(RebateProgramme programme, FeeBasis order) {
        return !programme.effectiveFrom().isAfter(order.paidAt())
                && (programme.endAt() == null || order.paidAt().isBefore(programme.endAt()))
                && (programme.storeKind() == null || programme.storeKind() == order.storeKind())
                && programme.currency().equals(order.currency().getCurrencyCode());
    }

    private static long divideHalfUp(BigInteger numerator, BigInteger denominator) {
        BigInteger[] qr = numerator.divideAndRemainder(denominator);
        return qr[1].shiftLeft(1).compareTo(denominator) >= 0 ? qr[0].longValueExact() + 1 : qr[0].longValueExact();
    }

    /**
     * Recomputes each charge on the value now kept at the rate it was charged at, and shrinks the rebate in
     * proportion to the gross fee; books the differences as reversals of this refund and answers their sum.
     */
    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public Money reverse(FeeBasis order, long refundId) {
        List<FeeCharge> booked = store.charges(order.orderId());
        List<FeeCharge> already = booked.stream().filter(charge -> charge.refundId() != null && charge.refundId() == refundId)
                .toList();
        if (!already.isEmpty()) {
            return new Money(-sum(order, already).minor(), order.currency());
        }
        Map<String, long[]> standing = new LinkedHashMap<>();
        Map<String, FeeCharge> originals = new LinkedHashMap<>();
        for (FeeCharge charge : booked) {
            String key = charge.ruleKind() + ":" + charge.ruleId() + ":" + charge.lineId();
            originals.putIfAbsent(key, charge);
            standing.computeIfAbsent(key, k -> new long[1])[0] += charge.amountMinor();
        }
        Map<Long, Long> keptByLine = new LinkedHashMap<>();
        order.lines().forEach(line -> keptByLine.put(line.lineId(), line.kept().minor()));
        long keptNow = order.kept().minor();
        List<NewCharge> reversals = new ArrayList<>();
        long grossBefore = 0;
        long grossAfter = 0;
        @Nullable String rebateKey = null;
        for (var entry : originals.entrySet()) {
            FeeCharge original = entry.getValue();
            long current = standing.get(entry.getKey())[0];
            if (original.entry().equals("REBATE")) {
                rebateKey = entry.getKey();
                continue;
            }
            long basis = original.lineId() == null ? keptNow : keptByLine.getOrDefault(original.lineId(), 0L);
            long after = new Money(basis, order.currency()).basisPoints(original.rateBasisPoints()).minor();
            grossBefore += current;
            grossAfter += after;
            if (after != current) {
                reversals.add(new NewCharge("REVERSAL", original.ruleKind(), original.ruleId(), original.lineId(),
                        original.rateBasisPoints(), basis, after - current));
            }
        }
        if (rebateKey != null) {
            FeeCharge original = originals.get(rebateKey);
            long current = -standing.get(rebateKey)[0];
            long after = grossBefore == 0 ? 0
                    : BigInteger.valueOf(current).multiply(BigInteger.valueOf(grossAfter))
                            .divide(BigInteger.valueOf(grossBefore)).longValueExact();
            if (after != current) {
                reversals.add(new NewCharge("REVERSAL", "REBATE", original.ruleId(), null, original.rateBasisPoints(),
                        keptNow, current - after));
            }
        }
        if (reversals.isEmpty()) {
            return Money.zero(order.currency());
        }
        store.insertCharges(order.orderId(), refundId, order.storeId(), order.sellerAccountId(), order.currency(),
                clock.instant(), reversals);
        return new Money(-reversals.stream().mapToLong(NewCharge::amountMinor).sum(), order.currency());
    }

    private static Money sum(FeeBasis order, List<FeeCharge> charges) {
        return new Money(charges.stream().mapToLong(FeeCharge::amountMinor).sum(), order.currency());
    }
}
