package io.mercato.pricing;

/** Who pays for a discount: the merchant (it lowers GMV) or the platform (paid to the merchant as subsidy spend). */
public enum Funder {
    MERCHANT,
    PLATFORM
}
