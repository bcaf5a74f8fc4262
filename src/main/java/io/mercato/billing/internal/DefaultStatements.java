package io.mercato.billing.internal;

import io.mercato.billing.CmrDay;
import io.mercato.billing.FeeCharge;
import io.mercato.billing.MerchantStatement;
import io.mercato.billing.MerchantStatement.Movement;
import io.mercato.billing.MerchantStatement.RuleFees;
import io.mercato.billing.Statements;
import io.mercato.ordering.OrderStatistics;
import io.mercato.payment.AccountKind;
import io.mercato.payment.DailyAmount;
import io.mercato.payment.Escrow;
import io.mercato.payment.MerchantLedger;
import io.mercato.payment.Posting;
import io.mercato.platform.Actor;
import io.mercato.platform.ForbiddenException;
import io.mercato.platform.InvalidInputException;
import io.mercato.platform.Money;
import io.mercato.platform.Role;
import io.mercato.platform.Text;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Statements and the CMR report, read from the ledger through payment's API (and, for fees by rule, from
 * billing's own charges, which sum to the ledger's fee revenue). A statement's reads run in one REPEATABLE READ
 * transaction, so its balances and postings are of one snapshot.
 */
@Service
class DefaultStatements implements Statements {

    private static final Set<AccountKind> POSITION = Set.of(AccountKind.MERCHANT, AccountKind.MERCHANT_DEBT);

    private final MerchantLedger ledger;
    private final Escrow escrow;
    private final OrderStatistics statistics;
    private final FeeRuleStore store;
    private final ZoneId zone;

    DefaultStatements(MerchantLedger ledger, Escrow escrow, OrderStatistics statistics, FeeRuleStore store,
            @Value("${mercato.web.time-zone:Asia/Shanghai}") String zone) {
        this.ledger = ledger;
        this.escrow = escrow;
        this.statistics = statistics;
        this.store = store;
        this.zone = ZoneId.of(zone);
    }

    @Override
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public MerchantStatement statement(Actor actor, @Nullable Long sellerAccountId, YearMonth month, Currency currency) {
        actor.require(Role.SELLER, Role.OPERATOR);
        long seller;
        if (actor.is(Role.SELLER)) {
            if (sellerAccountId != null && sellerAccountId != actor.accountId()) {
                throw new ForbiddenException(Text.of("billing.youMayReadOnlyYour"));
            }
            seller = actor.accountId();
        } else if (sellerAccountId == null) {
            throw new InvalidInputException("sellerAccountId", Text.of("billing.nameSellerWhoseStatementShow"));
        } else {
            seller = sellerAccountId;
        }
        if (month.getYear() < 2000 || month.getYear() > 2100) {
            throw new InvalidInputException("month", Text.of("billing.giveMonthBetweenGot", month));
        }
        Instant from = month.atDay(1).atStartOfDay(zone).toInstant();
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();

        long settledOrderCount = 0;
        long settled = 0;
        long fees = 0;
        long feesReturned = 0;
        long settlements = 0;
        long refunds = 0;
        long payouts = 0;
        long adTopUps = 0;
        long adSpend = 0;
        long memberships = 0;
        long other = 0;
        List<Movement> movements = new ArrayList<>();
        List<Long> settledOrders = new ArrayList<>();
        List<Long> refundIds = new ArrayList<>();
        List<AccountKind> kinds = List.of(AccountKind.MERCHANT, AccountKind.MERCHANT_DEBT, AccountKind.AD_ACCOUNT);
        for (Posting posting : ledger.postingsBetween(seller, kinds, currency, from, to)) {
            long position = 0;
            long ad = 0;
            long escrowOut = 0;
            long fee = 0;
            long adRevenue = 0;
            long subsidy = 0;
            for (Posting.Entry entry : posting.entries()) {
                long amount = entry.amount().minor();
                boolean own = entry.ownerId() == seller;
                switch (entry.account()) {
                    case MERCHANT, MERCHANT_DEBT -> position += own ? amount : 0;
                    case AD_ACCOUNT -> ad += own ? amount : 0;
                    case ESCROW -> escrowOut -= own ? amount : 0;
                    case FEE_REVENUE -> fee += amount;
                    case AD_REVENUE -> adRevenue += amount;
                    case SUBSIDY -> subsidy -= amount;
                    default -> {
                    }
                }
            }
            switch (posting.kind()) {
                case "SETTLEMENT" -> {
                    settledOrderCount++;
                    if (posting.orderId() != null) {
                        settledOrders.add(posting.orderId());
                    }
                    // The platform's subsidy on the order is part of what it released to the merchant.
                    settled += escrowOut + subsidy;
                    fees += fee;
                    settlements += position;
                }
                case "REFUND_AFTER_SETTLEMENT" -> {
                    refunds += position;
                    refundId(posting.reference()).ifPresent(refundIds::add);
                    feesReturned -= fee;
                }
                case "WITHDRAWAL" -> payouts -= position;
                case "MERCHANT_FEE" -> memberships -= position;
                default -> {
                    if (ad != 0 && position != 0) {
                        adTopUps -= position;
                    } else {
                        other += position;
                    }
                }
            }
            if (ad < 0 && adRevenue > 0) {
                adSpend += adRevenue;
            }
            if (position != 0) {
                movements.add(new Movement(posting.at(), posting.kind(), posting.orderId(), posting.reference(),
                        posting.memo(), position));
            }
        }

        // The fees of exactly the settlements and refunds above, so that fees by rule add up to the ledger's fees.
        List<FeeCharge> charges = store.chargesOf(settledOrders, refundIds);
        Map<String, RuleAccumulator> byRule = new LinkedHashMap<>();
        long rebates = 0;
        for (FeeCharge charge : charges) {
            byRule.computeIfAbsent(charge.ruleKind() + ":" + charge.ruleId() + ":" + charge.rateBasisPoints(),
                    key -> new RuleAccumulator(charge.ruleKind(), charge.ruleId(), charge.rateBasisPoints())).add(charge);
            if (charge.ruleKind().equals("REBATE")) {
                rebates -= charge.amountMinor();
            }
        }
        List<RuleFees> feesByRule = byRule.values().stream()
                .filter(rule -> rule.amount != 0 || rule.basis != 0)
                .map(RuleAccumulator::fees).toList();

        long paidOrders = 0;
        long gmv = 0;
        for (OrderStatistics.DailySales day : statistics.dailySales(seller, null,
                LocalDate.ofInstant(from, zone), month.atEndOfMonth(), zone)) {
            if (day.gmv().currency().equals(currency)) {
                paidOrders += day.paidOrders();
                gmv += day.gmv().minor();
            }
        }
        return new MerchantStatement(seller, month, currency.getCurrencyCode(), from, to, paidOrders, gmv,
                settledOrderCount, settled, fees, feesReturned, feesByRule, rebates, settlements, refunds, payouts, adTopUps,
                adSpend, memberships, other,
                ledger.balanceAt(AccountKind.MERCHANT, seller, currency, from).minor(),
                -ledger.balanceAt(AccountKind.MERCHANT_DEBT, seller, currency, from).minor(),
                ledger.balanceAt(AccountKind.MERCHANT, seller, currency, to).minor(),
                -ledger.balanceAt(AccountKind.MERCHANT_DEBT, seller, currency, to).minor(),
                movements);
    }

    /** The refund a posting's reference ({@code refund:<id>}) names. */
    private static java.util.Optional<Long> refundId(String reference) {
        if (!reference.startsWith("refund:")) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(Long.parseLong(reference.substring("refund:".length())));
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }

    private static final class RuleAccumulator {
        final String kind;
        final @Nullable Long ruleId;
        final int rate;
        final Set<Long> orders = new HashSet<>();
        long basis;
        long amount;

        RuleAccumulator(String kind, @Nullable Long ruleId, int rate) {
            this.kind = kind;
            this.ruleId = ruleId;
            this.rate = rate;
        }

        void add(FeeCharge charge) {
            orders.add(charge.orderId());
            // The value charged on: a charge's basis, less what reversals took off it.
            if (!charge.entry().equals("REVERSAL")) {
                basis += charge.basisMinor();
            }
            amount += charge.amountMinor();
        }

        RuleFees fees() {
            return new RuleFees(kind, ruleId, rate, orders.size(), basis, amount);
        }
    }

    @Override
    public List<CmrDay> cmr(Actor operator, LocalDate from, LocalDate to, Currency currency) {
        operator.require(Role.OPERATOR);
        if (to.isBefore(from)) {
            throw new InvalidInputException("to", Text.of("billing.reportEndsAfterDayStarts"));
        }
        if (ChronoUnit.DAYS.between(from, to) > 366) {
            throw new InvalidInputException("from", Text.of("billing.reportCoversMostYear"));
        }
        Map<LocalDate, Long> gmv = new HashMap<>();
        for (OrderStatistics.DailySales day : statistics.dailySales(null, null, from, to, zone)) {
            if (day.gmv().currency().equals(currency)) {
                gmv.merge(day.day(), day.gmv().minor(), Long::sum);
            }
        }
        Map<LocalDate, Long> feeRevenue = booked(AccountKind.FEE_REVENUE, from, to, currency);
        Map<LocalDate, Long> adRevenue = booked(AccountKind.AD_REVENUE, from, to, currency);
        List<CmrDay> days = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            days.add(new CmrDay(day, new Money(gmv.getOrDefault(day, 0L), currency),
                    new Money(feeRevenue.getOrDefault(day, 0L), currency),
                    new Money(adRevenue.getOrDefault(day, 0L), currency)));
        }
        return days;
    }

    private Map<LocalDate, Long> booked(AccountKind kind, LocalDate from, LocalDate to, Currency currency) {
        Map<LocalDate, Long> booked = new HashMap<>();
        for (DailyAmount amount : escrow.bookedPerDay(kind, from, to, zone)) {
            if (Objects.equals(amount.amount().currency(), currency)) {
                booked.merge(amount.day(), amount.amount().minor(), Long::sum);
            }
        }
        return booked;
    }
}
