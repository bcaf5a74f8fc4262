package io.mercato.payment;

/**
 * The kinds of ledger account. Only the provider clearing account, merchant debt and the platform's subsidy spend may
 * go below zero.
 */
public enum AccountKind {
    /** A buyer's money held by the platform; owner is the buyer's account. */
    WALLET,
    /** Money paid for orders not yet settled, held for one payee; owner is the seller (0 for the platform's own store). */
    ESCROW,
    /** What the platform owes a merchant; owner is the seller's account. */
    MERCHANT,
    /** Software service fees and commissions the platform earned. */
    FEE_REVENUE,
    /** The platform's own (Supermarket) sales. */
    SALES_REVENUE,
    /** The outside world: money entering through top-ups and leaving through withdrawals. */
    PROVIDER_CLEARING,
    /** A merchant's prepaid advertising money, topped up from its merchant balance; owner is the seller's account. */
    AD_ACCOUNT,
    /** What the platform earned from advertising (charges per click). */
    AD_REVENUE,
    /**
     * What a merchant owes the platform, as a negative balance: a refund after settlement that the merchant balance
     * could not cover, or a membership fee it could not pay. The merchant's later settlements pay it first; owner is
     * the seller's account. Never above zero.
     */
    MERCHANT_DEBT,
    /**
     * What the platform spent funding discounts (vouchers, threshold discounts, subsidised and member prices), paid to
     * merchants on settlement: a marketing expense, so its balance is minus the spend and goes below zero.
     */
    SUBSIDY,
    /** What the platform earned from buyers' paid memberships (88VIP). */
    MEMBERSHIP_REVENUE,
    /**
     * What the platform earned from wholesale suppliers' annual memberships (charged from their balance instead of
     * per-order fees): revenue, but not customer management revenue, so it is not fee revenue.
     */
    SUPPLIER_MEMBERSHIP_REVENUE,
    /**
     * The platform's currency exchange, one account per currency: a conversion credits it in the currency given and
     * debits it in the currency received (two postings, each balanced in its own currency). Its balance per currency is
     * the platform's net position in that currency, so it goes below zero.
     */
    FX_CLEARING,
    /**
     * EU VAT collected from buyers at checkout under IOSS, owed by the platform to the tax authorities: a liability, one
     * account per currency, credited in the same posting as the order's payment and debited by the VAT share of refunds.
     */
    VAT_PAYABLE,
    /** Import duties of other destinations collected at checkout, owed by the platform; as {@link #VAT_PAYABLE}. */
    DUTY_PAYABLE,
    /**
     * Instant delivery fees held until the rider delivers: the buyer's part and the platform's subsidy of each fee,
     * released to delivery revenue and the rider on delivery, or back to the buyer and the subsidy on a refund
     * before it. Owner 0 (the platform).
     */
    DELIVERY_ESCROW,
    /**
     * What instant deliveries earned the platform: each delivered fee less the rider's pay for it. Below zero when
     * riders cost more than the fees bring, so it may go negative. Owner 0.
     */
    DELIVERY_REVENUE,
    /** What the platform owes a rider for deliveries made; owner is the rider's account. */
    RIDER
}
