package io.mercato.pricing;

/**
 * The kinds of discount the engine applies, in the documented order of application: price replacements on the SKU
 * first (the lowest of flash-sale, limited-time, subsidised and member price wins, as one adjustment), then store
 * coupons per store, then cross-store threshold discounts, then platform vouchers, then presale deposit credits.
 */
public enum AdjustmentKind {
    /** A merchant's flash-sale price on a SKU for a time window. Merchant-funded. */
    FLASH_SALE(Funder.MERCHANT),
    /** A merchant's limited-time discount on a SKU. Merchant-funded. */
    LIMITED_TIME(Funder.MERCHANT),
    /** A subsidised price on a selected SKU ("10 Billion Subsidy"), up to 80% off. Platform-funded. */
    SUBSIDY(Funder.PLATFORM),
    /** The member price (about 5% off) for paying members on participating products. Platform-funded. */
    MEMBER_PRICE(Funder.PLATFORM),
    /** A store coupon: an amount off a store's lines above a threshold. Merchant-funded. */
    STORE_COUPON(Funder.MERCHANT),
    /** "RMB 50 off every RMB 300" across stores, apportioned over the eligible lines. Platform-funded. */
    THRESHOLD(Funder.PLATFORM),
    /** A platform voucher: an amount off above a threshold, across stores. Platform-funded. */
    PLATFORM_VOUCHER(Funder.PLATFORM),
    /** What a presale deposit is worth beyond its amount at final payment. Merchant-funded. */
    PRESALE_DEPOSIT(Funder.MERCHANT);

    private final Funder funder;

    AdjustmentKind(Funder funder) {
        this.funder = funder;
    }

    /** Who funds this kind unless the promotion says otherwise. */
    public Funder defaultFunder() {
        return funder;
    }
}
