package io.mercato.billing.internal;

import io.mercato.billing.FeeCharge;
import io.mercato.billing.FeeRule;
import io.mercato.billing.FeeRuleKind;
import io.mercato.billing.FeeRules;
import io.mercato.billing.Membership;
import io.mercato.billing.NewFeeRule;
import io.mercato.billing.NewRebateProgramme;
import io.mercato.billing.RebateProgramme;
import io.mercato.billing.StoreTerms;
import io.mercato.catalog.Catalog;
import io.mercato.catalog.Category;
import io.mercato.merchant.Store;
import io.mercato.merchant.StoreKind;
import io.mercato.merchant.Stores;
import io.mercato.platform.Actor;
import io.mercato.platform.Currencies;
import io.mercato.platform.ForbiddenException;
import io.mercato.platform.InvalidInputException;
import io.mercato.platform.NotFoundException;
import io.mercato.platform.Role;
import io.mercato.platform.Text;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class DefaultFeeRules implements FeeRules {

    /** The highest rate an operator may set: 30%. Anything above is a typo, not a business decision. */
    static final int MAX_RATE_BP = 3000;
    static final long MAX_MEMBERSHIP_MINOR = 100_000_000_00L;
    static final long MAX_GMV_CAP_MINOR = 1_000_000_000_00L;
    /** How far ahead a version may be dated. */
    static final Duration MAX_LEAD = Duration.ofDays(5 * 366);

    private final FeeRuleStore store;
    private final Stores stores;
    private final Catalog catalog;
    private final Clock clock;

    DefaultFeeRules(FeeRuleStore store, Stores stores, Catalog catalog, Clock clock) {
        this.store = store;
        this.stores = stores;
        this.catalog = catalog;
        this.clock = clock;
    }

    @Override
    public List<FeeRule> rules(Actor operator) {
        operator.require(Role.OPERATOR);
        return store.rules();
    }

    @Override
    @Transactional
    public FeeRule add(Actor operator, NewFeeRule rule) {
        operator.require(Role.OPERATOR);
        if (rule.kind() == null) {
            throw new InvalidInputException("kind", Text.of("billing.sayWhichKindRuleSERVICE"));
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Instant from = effectiveFrom(rule.effectiveFrom(), now);
        StoreKind storeKind = rule.storeKind();
        Long storeId = rule.storeId();
        if (storeId != null) {
            Store named = store(storeId);
            if (storeKind != null && storeKind != named.kind()) {
                throw new InvalidInputException("storeKind", Text.of("billing.storeStoreNot", storeId, named.kind(), storeKind));
            }
            storeKind = named.kind();
        }
        String note = note(rule.note());
        return switch (rule.kind()) {
            case SERVICE_FEE -> {
                noAmount(rule);
                if (rule.categoryId() != null) {
                    throw new InvalidInputException("categoryId", Text.of("billing.serviceFeeChargedWholeOrder"));
                }
                if (storeKind == StoreKind.SUPERMARKET) {
                    throw new InvalidInputException("storeKind", Text.of("billing.supermarketSSalesPlatformS"));
                }
                yield store.insert(FeeRuleKind.SERVICE_FEE, storeKind, null, storeId, rate(rule.rateBasisPoints()), null,
                        null, from, note, operator.label(), now);
            }
            case COMMISSION -> {
                noAmount(rule);
                if (rule.categoryId() == null) {
                    throw new InvalidInputException("categoryId", Text.of("billing.commissionRuleOneCategoryName"));
                }
                if (findCategory(catalog.categoryTree(), rule.categoryId()).isEmpty()) {
                    throw new InvalidInputException("categoryId", Text.of("billing.thereNoCategory", rule.categoryId()));
                }
                if (storeKind == StoreKind.SUPERMARKET) {
                    throw new InvalidInputException("storeKind", Text.of("billing.supermarketSSalesPlatformS"));
                }
                yield store.insert(FeeRuleKind.COMMISSION, storeKind, rule.categoryId(), storeId,
                        rate(rule.rateBasisPoints()), null, null, from, note, operator.label(), now);
            }
            case MEMBERSHIP -> {
                if (rule.rateBasisPoints() != null) {
                    throw new InvalidInputException("rateBasisPoints", Text.of("billing.membershipAmountPerYearNot"));
                }
                if (rule.categoryId() != null) {
                    throw new InvalidInputException("categoryId", Text.of("billing.membershipStoreNotCategory"));
                }
                if (storeKind != StoreKind.WHOLESALE) {
                    throw new InvalidInputException("storeKind", Text.of("billing.onlyWholesaleStoresPayMembership"));
                }
                Long amount = rule.amountMinor();
                if (amount == null || amount < 0 || amount > MAX_MEMBERSHIP_MINOR) {
                    throw new InvalidInputException("amountMinor", Text.of("billing.membershipFeeBetweenMinorUnits", MAX_MEMBERSHIP_MINOR, amount));
                }
                String currency = Currencies.parse(rule.currency() == null ? "CNY" : rule.currency()).getCurrencyCode();
                yield store.insert(FeeRuleKind.MEMBERSHIP, storeKind, null, storeId, null, amount, currency, from, note,
                        operator.label(), now);
            }
        };
    }

    private Instant effectiveFrom(@Nullable Instant requested, Instant now) {
        if (requested == null) {
            return now;
        }
        // A second's grace for a form filled in "now"; the past is never rewritten.
        if (requested.isBefore(now.minusSeconds(1))) {
            throw new InvalidInputException("effectiveFrom", Text.of("billing.newVersionTakesEffectNow", requested, now.truncatedTo(ChronoUnit.SECONDS)));
        }
        if (requested.isAfter(now.plus(MAX_LEAD))) {
            throw new InvalidInputException("effectiveFrom", Text.of("billing.dateVersionMostFiveYears"));
        }
        return requested.isBefore(now) ? now : requested.truncatedTo(ChronoUnit.MICROS);
    }

    private static int rate(@Nullable Integer rate) {
        if (rate == null) {
            throw new InvalidInputException("rateBasisPoints", Text.of("billing.giveRateBasisPoints"));
        }
        if (rate < 0 || rate > MAX_RATE_BP) {
            throw new InvalidInputException("rateBasisPoints", Text.of("billing.rateBetweenBasisPointsGot", MAX_RATE_BP, rate));
        }
        return rate;
    }

    private static void noAmount(NewFeeRule rule) {
        if (rule.amountMinor() != null) {
            throw new InvalidInputException("amountMinor", Text.of("billing.onlyMembershipHasAmountRule"));
        }
    }

    private static String note(@Nullable String note) {
        String stripped = note == null ? "" : note.strip();
        if (stripped.length() > 200) {
            throw new InvalidInputException("note", Text.of("billing.keepNoteUnderCharacters"));
        }
        return stripped;
    }

    private Store store(long storeId) {
        try {
            return stores.get(storeId);
        } catch (NotFoundException e) {
            throw new InvalidInputException("storeId", Text.of("billing.thereNoStore", storeId));
        }
    }

    private static Optional<Category> findCategory(List<Category> tree, long id) {
        for (Category category : tree) {
            if (category.id() == id) {
                return Optional.of(category);
            }
            Optional<Category> found = findCategory(category.children(), id);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    @Override
    public List<RebateProgramme> rebates(Actor operator) {
        operator.require(Role.OPERATOR);
        return store.rebates();
    }

    @Override
    @Transactional
    public RebateProgramme addRebate(Actor operator, NewRebateProgramme programme) {
        operator.require(Role.OPERATOR);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String name = programme.name() == null ? "" : programme.name().strip();
        if (name.isEmpty() || name.length() > 100) {
            throw new InvalidInputException("name", Text.of("billing.nameProgrammeMostCharacters"));
        }
        Integer share = programme.rebateBasisPoints();
        if (share == null || share < 1 || share > 10_000) {
            throw new InvalidInputException("rebateBasisPoints",
                    Text.of("billing.shareFeesGivenBackBetween", share));
        }
        Integer days = programme.days();
        if (days != null && (days < 1 || days > 3650)) {
            throw new InvalidInputException("days", Text.of("billing.programmeCoversBetweenDaysAfter", days));
        }
        Long cap = programme.gmvCapMinor();
        if (cap != null && (cap < 1 || cap > MAX_GMV_CAP_MINOR)) {
            throw new InvalidInputException("gmvCapMinor", Text.of("billing.gmvCapBetweenMinorUnits", MAX_GMV_CAP_MINOR, cap));
        }
        if (days == null && cap == null) {
            throw new InvalidInputException("days", Text.of("billing.giveDaysAfterOpeningRebate"));
        }
        if (programme.storeKind() == StoreKind.SUPERMARKET || programme.storeKind() == StoreKind.WHOLESALE) {
            throw new InvalidInputException("storeKind", Text.of("billing.storesPayNoFeesPer", programme.storeKind()));
        }
        String currency = Currencies.parse(programme.currency() == null ? "CNY" : programme.currency()).getCurrencyCode();
        Instant from = effectiveFrom(programme.effectiveFrom(), now);
        if (programme.endAt() != null && !programme.endAt().isAfter(from)) {
            throw new InvalidInputException("endAt", Text.of("billing.programmeEndsAfterBegins"));
        }
        return store.insertRebate(name, programme.storeKind(), share, days, cap, currency, from, programme.endAt(),
                operator.label(), now);
    }

    @Override
    public StoreTerms terms(Actor actor, long storeId) {
        actor.require(Role.SELLER, Role.OPERATOR);
        Store shop = stores.requireManagedBy(actor, storeId);
        Instant now = clock.instant();
        List<FeeRule> all = store.rules();
        FeeRule service = FeeRuleStore.inForce(all.stream().filter(rule -> rule.kind() == FeeRuleKind.SERVICE_FEE).toList(),
                now, storeId, shop.kind(), null).orElse(null);
        FeeRule membership = FeeRuleStore.inForce(all.stream().filter(rule -> rule.kind() == FeeRuleKind.MEMBERSHIP)
                .filter(rule -> rule.currency() != null && rule.currency().equals(shop.currency())).toList(),
                now, storeId, shop.kind(), null).orElse(null);
        List<FeeRule> commissionRules = all.stream().filter(rule -> rule.kind() == FeeRuleKind.COMMISSION)
                .filter(rule -> FeeEngine.paysCategoryCommission(shop.kind()) || rule.storeKind() != null || rule.storeId() != null)
                .toList();
        List<FeeRule> commissions = commissionRules.stream().map(FeeRule::categoryId).distinct()
                .flatMap(category -> FeeRuleStore.inForce(commissionRules, now, storeId, shop.kind(), category).stream())
                .sorted(Comparator.comparing(FeeRule::categoryId))
                .toList();
        List<FeeRule> upcoming = all.stream().filter(rule -> rule.effectiveFrom().isAfter(now))
                .filter(rule -> rule.storeId() == null || rule.storeId() == storeId)
                .filter(rule -> rule.storeKind() == null || rule.storeKind() == shop.kind())
                .sorted(Comparator.comparing(FeeRule::effectiveFrom)).toList();
        List<RebateProgramme> rebates = new ArrayList<>();
        Instant rebateUntil = null;
        for (RebateProgramme programme : store.rebates()) {
            Instant until = programme.days() == null ? null : shop.createdAt().plus(Duration.ofDays(programme.days()));
            if (!programme.effectiveFrom().isAfter(now) && (programme.endAt() == null || now.isBefore(programme.endAt()))
                    && (programme.storeKind() == null || programme.storeKind() == shop.kind())
                    && programme.currency().equals(shop.currency()) && (until == null || now.isBefore(until))
                    && shop.kind() != StoreKind.WHOLESALE && shop.kind() != StoreKind.SUPERMARKET) {
                rebates.add(programme);
                if (until != null) {
                    rebateUntil = rebateUntil == null || until.isAfter(rebateUntil) ? until : rebateUntil;
                }
            }
        }
        Membership current = store.latestMembership(storeId).orElse(null);
        return new StoreTerms(storeId, shop.kind(), now, FeeEngine.paysCategoryCommission(shop.kind()), service,
                commissions, membership, upcoming, rebates, rebateUntil, current);
    }

    @Override
    public List<FeeCharge> charges(Actor actor, long orderId) {
        actor.require(Role.SELLER, Role.OPERATOR);
        List<FeeCharge> charges = store.charges(orderId);
        if (actor.is(Role.SELLER) && charges.stream().anyMatch(charge -> charge.sellerAccountId() != actor.accountId())) {
            throw new ForbiddenException(Text.of("billing.orderNotOneYourStores", orderId));
        }
        return charges;
    }
}
