package io.mercato.payment;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.mercato.platform.Actor;
import io.mercato.platform.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;

/**
 * Moving money between currencies on the ledger. A conversion is a pair of postings through the platform's FX clearing
 * account of each currency ({@link AccountKind#FX_CLEARING}): the holder's account gives the amount to FX clearing in
 * the source currency, and FX clearing pays the converted amount to the holder's account in the target currency. Each
 * posting balances in its own currency, so the ledger balances in every currency.
 */
public interface CurrencyExchange {

    /**
     * Converts part of a buyer's wallet into another currency at the day's rate, rounded half up to the target's minor
     * unit; both postings in one transaction.
     *
     * @throws io.mercato.platform.InvalidInputException naming {@code amountMinor} or {@code to} for a non-positive
     *     amount or the same currency
     * @throws io.mercato.platform.ConflictException when the wallet holds less, or no rate is in force
     */
    WalletConversion convertWallet(Actor buyer, Money amount, Currency to);

    /**
     * Posts a conversion of one holder's account: {@code from} out of it and {@code to} into it, through FX clearing,
     * as two postings with the references {@code reference + ":from"} and {@code reference + ":to"} (each posted once).
     * Joins the caller's transaction.
     *
     * @return the two postings' ids
     */
    long[] post(String reference, AccountKind account, long ownerId, Money from, Money to, String memo);

    @com.fasterxml.jackson.annotation.JsonPropertyOrder({"fromMinor", "fromCurrency", "toMinor", "toCurrency", "rate",
            "rateDay", "at"})
    record WalletConversion(long fromPostingId, long toPostingId, @JsonIgnore Money from, @JsonIgnore Money to,
            BigDecimal rate, LocalDate rateDay, Instant at) {

        @JsonProperty("fromMinor")
        public long fromMinor() {
            return from.minor();
        }

        @JsonProperty("fromCurrency")
        public String fromCurrency() {
            return from.currencyCode();
        }

        @JsonProperty("toMinor")
        public long toMinor() {
            return to.minor();
        }

        @JsonProperty("toCurrency")
        public String toCurrency() {
            return to.currencyCode();
        }
    }
}
