package io.mercato.billing;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One seller's month, in one currency, read from the ledger (amounts in minor units). The seller's position is
 * the merchant balance less what it owes the platform (merchant debt); every posting on either account in the
 * month falls in exactly one movement line, so
 * {@code openingPosition + settlements + refunds - payouts - adTopUps - memberships + other = closingPosition},
 * cent for cent ({@link #reconciles()}).
 *
 * @param paidOrders orders of the seller paid in the month (what GMV counts)
 * @param gmvMinor their value
 * @param settledOrders orders whose escrow was released to the seller in the month
 * @param settledMinor the escrow they released, before fees, with the discounts the platform funded on them (its subsidy)
 * @param feesMinor what the platform kept of them (net of rebates), as fee revenue on the ledger
 * @param feesReturnedMinor fees given back on refunds of settled orders
 * @param feesByRule the month's fee bookings by rule (charges, rebates as negative amounts, reversals); they sum
 *     to {@code feesMinor - feesReturnedMinor}
 * @param rebatesMinor fees the new-merchant rebates gave back (a part of {@code feesByRule})
 * @param settlementsMinor what settlements added to the position ({@code settledMinor - feesMinor})
 * @param refundsMinor what refunds of settled orders took from it (negative or zero)
 * @param payoutsMinor withdrawals to the bank
 * @param adTopUpsMinor money moved to the ad account
 * @param adSpendMinor what ad clicks cost, from the ad account (not a movement of the position)
 * @param membershipFeesMinor wholesale membership fees charged
 * @param otherMinor any other posting on the merchant's balance or debt
 */
public record MerchantStatement(long sellerAccountId, YearMonth month, String currency, Instant from, Instant to,
        long paidOrders, long gmvMinor, long settledOrders, long settledMinor, long feesMinor, long feesReturnedMinor,
        List<RuleFees> feesByRule, long rebatesMinor, long settlementsMinor, long refundsMinor, long payoutsMinor,
        long adTopUpsMinor, long adSpendMinor, long membershipFeesMinor, long otherMinor,
        long openingBalanceMinor, long openingDebtMinor, long closingBalanceMinor, long closingDebtMinor,
        List<Movement> movements) {

    public MerchantStatement {
        feesByRule = List.copyOf(feesByRule);
        movements = List.copyOf(movements);
    }

    @JsonProperty("openingPositionMinor")
    public long openingPositionMinor() {
        return openingBalanceMinor - openingDebtMinor;
    }

    @JsonProperty("closingPositionMinor")
    public long closingPositionMinor() {
        return closingBalanceMinor - closingDebtMinor;
    }

    /** Whether the movement lines add up from the opening to the closing position. */
    @JsonProperty("reconciles")
    public boolean reconciles() {
        return openingPositionMinor() + settlementsMinor + refundsMinor - payoutsMinor - adTopUpsMinor
                - membershipFeesMinor + otherMinor == closingPositionMinor();
    }

    /**
     * @param ruleKind {@code SERVICE_FEE}, {@code COMMISSION}, {@code CATEGORY_COMMISSION} or {@code REBATE}
     * @param ruleId the rule version or rebate programme (null for categories' own rates)
     * @param orders how many orders it touched
     */
    public record RuleFees(String ruleKind, @Nullable Long ruleId, int rateBasisPoints, long orders, long basisMinor,
            long amountMinor) {
    }

    /**
     * One posting on the merchant's balance or debt.
     *
     * @param amountMinor what it changed the position by
     */
    public record Movement(Instant at, String kind, @Nullable Long orderId, String reference, String memo,
            long amountMinor) {
    }
}
