package io.mercato.payment.internal;

import io.mercato.payment.AccountKind;
import io.mercato.payment.Escrow;
import io.mercato.payment.LedgerAccount;
import io.mercato.payment.Payee;
import io.mercato.payment.PaymentProvider.PaymentDeclinedException;
import io.mercato.payment.PaymentProvider;
import io.mercato.payment.Posting;
import io.mercato.payment.Settlement;
import io.mercato.payment.SettlementCurrencies;
import io.mercato.payment.TaxShare;
import io.mercato.payment.CurrencyExchange;
import io.mercato.fx.ExchangeRates;
import io.mercato.payment.TopUp;
import io.mercato.payment.Withdrawal;
import io.mercato.payment.internal.Ledger.Leg;
import io.mercato.platform.Actor;
import io.mercato.platform.ConflictException;
import io.mercato.platform.InvalidInputException;
import io.mercato.platform.Money;
import io.mercato.platform.Role;
import io.mercato.platform.Text;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class DefaultEscrow implements Escrow, io.mercato.payment.MerchantLedger {

    static final long MAX_TOP_UP_MINOR = 10_000_000_00L;
    /** The owner id of the platform's own ledger accounts (escrow for its sales, revenue, clearing). */
    private static final long PLATFORM = 0;

    private final Ledger ledger;
    private final JdbcClient jdbc;
    private final PaymentProvider provider;
    private final Clock clock;
    private final SettlementCurrencies settlementCurrencies;
    private final CurrencyExchange exchange;
    private final ExchangeRates rates;

    DefaultEscrow(Ledger ledger, JdbcClient jdbc, PaymentProvider provider, Clock clock,
            SettlementCurrencies settlementCurrencies, CurrencyExchange exchange, ExchangeRates rates) {
        this.settlementCurrencies = settlementCurrencies;
        this.exchange = exchange;
        this.rates = rates;
        this.ledger = ledger;
        this.jdbc = jdbc;
        this.provider = provider;
        this.clock = clock;
    }

    // The interface's shorter forms, overridden so that a call through the proxy opens the transaction the ledger
    // needs (a default method calling the longer form would reach it without the proxy).
    @Override
    @Transactional
    public void pay(long orderId, long buyerAccountId, Payee payee, Money amount) {
        pay(orderId, buyerAccountId, payee, amount, TaxShare.none(amount.currency()));
    }

    @Override
    @Transactional
    public void refund(long orderId, long refundId, long buyerAccountId, Payee payee, Money amount) {
        refund(orderId, refundId, buyerAccountId, payee, amount, TaxShare.none(amount.currency()));
    }

    @Override
    @Transactional
    public void refundSettled(long orderId, long refundId, long buyerAccountId, Payee payee, Money amount, Money feeBack) {
        refundSettled(orderId, refundId, buyerAccountId, payee, amount, feeBack, Money.zero(amount.currency()),
                TaxShare.none(amount.currency()));
    }

    @Override
    @Transactional
    public void refundSettled(long orderId, long refundId, long buyerAccountId, Payee payee, Money amount, Money feeBack,
            Money subsidyBack) {
        refundSettled(orderId, refundId, buyerAccountId, payee, amount, feeBack, subsidyBack,
                TaxShare.none(amount.currency()));
    }

    @Override
    @Transactional
    public void pay(long orderId, long buyerAccountId, Payee payee, Money amount, TaxShare taxes) {
        requirePositive(amount);
        requireSameCurrency(amount, taxes);
        String memo = "Payment of order " + orderId + " into escrow"
                + (taxes.vat().isPositive() ? ", VAT collected " + taxes.vat() : "")
                + (taxes.duty().isPositive() ? ", duty collected " + taxes.duty() : "");
        try {
            ledger.post("ORDER_PAYMENT", orderId, "order:" + orderId + ":payment", memo, amount.currencyCode(), List.of(
                            new Leg(AccountKind.WALLET, buyerAccountId, -amount.plus(taxes.total()).minor()),
                            new Leg(AccountKind.ESCROW, owner(payee), amount.minor()),
                            new Leg(AccountKind.VAT_PAYABLE, PLATFORM, taxes.vat().minor()),
                            new Leg(AccountKind.DUTY_PAYABLE, PLATFORM, taxes.duty().minor())));
        } catch (ConflictException e) {
            throw new ConflictException(Text.of("payment.paymentDeclinedOrderTopUp", orderId, e.text()));
        }
    }

    @Override
    @Transactional
    public void refund(long orderId, long refundId, long buyerAccountId, Payee payee, Money amount, TaxShare taxesBack) {
        requirePositive(amount);
        requireSameCurrency(amount, taxesBack);
        ledger.post("REFUND", orderId, "refund:" + refundId, "Refund " + refundId + " of order " + orderId
                + (taxesBack.isZero() ? "" : ", taxes given back " + taxesBack.total()),
                amount.currencyCode(), List.of(
                        new Leg(AccountKind.ESCROW, owner(payee), -amount.minor()),
                        new Leg(AccountKind.VAT_PAYABLE, PLATFORM, -taxesBack.vat().minor()),
                        new Leg(AccountKind.DUTY_PAYABLE, PLATFORM, -taxesBack.duty().minor()),
                        new Leg(AccountKind.WALLET, buyerAccountId, amount.plus(taxesBack.total()).minor())));
    }

    private static void requireSameCurrency(Money amount, TaxShare taxes) {
        if (!taxes.vat().currency().equals(amount.currency())) {
            throw new IllegalArgumentException("Taxes " + taxes + " are not in the currency of " + amount);
        }
    }

    @Override
    @Transactional
    public void holdDeposit(long presaleId, long buyerAccountId, Payee payee, Money amount) {
        requirePositive(amount);
        try {
            ledger.post("PRESALE_DEPOSIT", null, "presale:" + presaleId + ":deposit",
                    "Deposit of presale " + presaleId + " into escrow", amount.currencyCode(), List.of(
                            new Leg(AccountKind.WALLET, buyerAccountId, -amount.minor()),
                            new Leg(AccountKind.ESCROW, owner(payee), amount.minor())));
        } catch (ConflictException e) {
            throw new ConflictException(Text.of("payment.depositDeclinedPresaleTopUp", presaleId, e.text()));
        }
    }

    @Override
    @Transactional
    public void forfeitDeposit(long presaleId, Payee payee, Money amount) {
        requirePositive(amount);
        List<Leg> legs = payee instanceof Payee.Merchant
                ? List.of(new Leg(AccountKind.ESCROW, owner(payee), -amount.minor()),
                        new Leg(AccountKind.MERCHANT, owner(payee), amount.minor()))
                : List.of(new Leg(AccountKind.ESCROW, PLATFORM, -amount.minor()),
                        new Leg(AccountKind.SALES_REVENUE, PLATFORM, amount.minor()));
        ledger.post("PRESALE_FORFEIT", null, "presale:" + presaleId + ":forfeit",
                "Deposit of presale " + presaleId + " forfeited to the merchant: final payment missed",
                amount.currencyCode(), legs);
    }

    @Override
    @Transactional
    public void refundDeposit(long presaleId, long buyerAccountId, Payee payee, Money amount) {
        requirePositive(amount);
        ledger.post("PRESALE_REFUND", null, "presale:" + presaleId + ":refund",
                "Deposit of presale " + presaleId + " refunded: final payment missed", amount.currencyCode(), List.of(
                        new Leg(AccountKind.ESCROW, owner(payee), -amount.minor()),
                        new Leg(AccountKind.WALLET, buyerAccountId, amount.minor())));
    }

    @Override
    public List<Posting> postingsOfPresale(long presaleId) {
        String prefix = "presale:" + presaleId + ":";
        return postings("p.reference = ANY(?)", new String[] {prefix + "deposit", prefix + "forfeit", prefix + "refund"},
                Integer.MAX_VALUE, "p.id");
    }

    @Override
    @Transactional
    public void settle(Settlement settlement) {
        Money gross = settlement.gross();
        if (gross.minor() == 0 && !settlement.subsidy().isPositive()) {
            return;
        }
        long orderId = settlement.orderId();
        long debt = settlement.firstParty() ? 0 : lockDebt(owner(settlement.payee()), gross.currencyCode());
        long repaid = Math.min(debt, settlement.net().minor());
        List<Leg> legs = settlement.firstParty()
                ? List.of(new Leg(AccountKind.ESCROW, PLATFORM, -gross.minor()),
                        new Leg(AccountKind.SALES_REVENUE, PLATFORM, gross.minor()))
                : List.of(new Leg(AccountKind.ESCROW, owner(settlement.payee()), -gross.minor()),
                        new Leg(AccountKind.MERCHANT, owner(settlement.payee()), settlement.net().minor() - repaid),
                        new Leg(AccountKind.MERCHANT_DEBT, owner(settlement.payee()), repaid),
                        new Leg(AccountKind.FEE_REVENUE, PLATFORM, settlement.fee().minor()),
                        new Leg(AccountKind.SUBSIDY, PLATFORM, -settlement.subsidy().minor()));
        String memo = settlement.firstParty()
                ? "Settlement of order " + orderId + ": platform's own sale"
                : "Settlement of order " + orderId + ": " + settlement.net() + " to merchant, fee " + settlement.fee()
                        + (settlement.subsidy().isPositive() ? " including the platform's subsidy " + settlement.subsidy() : "")
                        + (repaid > 0 ? ", " + new Money(repaid, gross.currency()) + " of it paying the merchant's debt" : "");
        boolean posted = ledger.post("SETTLEMENT", orderId, "order:" + orderId + ":settlement", memo,
                gross.currencyCode(), legs).isPresent();
        if (posted && settlement.payee() instanceof Payee.Merchant merchant && settlement.net().minor() - repaid > 0) {
            intoSettlementCurrency(orderId, merchant.sellerAccountId(), new Money(settlement.net().minor() - repaid,
                    gross.currency()));
        }
    }

    /**
     * Converts what a settlement paid the merchant into the merchant's own settlement currency, through FX clearing at
     * the day's rate, in the settlement's transaction. Without a rate in force (or an amount too small to convert) the
     * money stays in the order's currency: a settlement is never refused for want of a rate.
     */
    private void intoSettlementCurrency(long orderId, long sellerAccountId, Money paid) {
        Currency wanted = settlementCurrencies.of(sellerAccountId).orElse(null);
        if (wanted == null || wanted.equals(paid.currency())) {
            return;
        }
        ExchangeRates.Conversion conversion;
        try {
            conversion = rates.convert(paid, wanted, clock.instant());
        } catch (ConflictException noRate) {
            return;
        }
        if (conversion.to().minor() <= 0) {
            return;
        }
        exchange.post("order:" + orderId + ":settlement:fx", AccountKind.MERCHANT, sellerAccountId, paid,
                conversion.to(), "Settlement of order " + orderId + " converted into " + wanted.getCurrencyCode()
                        + " at " + conversion.rate() + " (" + conversion.rateDay() + ")");
    }

    /**
     * A refund of an order whose settlement was converted into the merchant's currency finds the balance in the order's
     * currency short: the shortfall is bought back from the merchant's balance in its settlement currency at the day's
     * rate (rounded half up, in the refund's transaction, reference {@code refund:<id>:fx}), as much as that balance
     * covers; what it cannot cover stays the merchant's debt in the order's currency. Without a rate in force nothing
     * is converted.
     */
    private void fromSettlementCurrency(long refundId, long sellerAccountId, Money shortfall) {
        Currency held = settlementCurrencies.of(sellerAccountId).orElse(null);
        if (held == null || held.equals(shortfall.currency())) {
            return;
        }
        ExchangeRates.Conversion cost;
        try {
            cost = rates.convert(shortfall, held, clock.instant());
        } catch (ConflictException noRate) {
            return;
        }
        long available = Math.max(0, ledger.lockMerchant(sellerAccountId, held.getCurrencyCode()));
        if (available <= 0 || cost.to().minor() <= 0) {
            return;
        }
        Money from = cost.to();
        Money to = shortfall;
        if (available < from.minor()) {
            // Only part of it: what the balance holds, converted back at the same rate (rounded down, never more).
            from = new Money(available, held);
            to = new Money(java.math.BigDecimal.valueOf(available).multiply(java.math.BigDecimal.valueOf(shortfall.minor()))
                    .divide(java.math.BigDecimal.valueOf(cost.to().minor()), 0, java.math.RoundingMode.DOWN)
                    .longValueExact(), shortfall.currency());
            if (to.minor() <= 0) {
                return;
            }
        }
        exchange.post("refund:" + refundId + ":fx", AccountKind.MERCHANT, sellerAccountId, from, to,
                "Refund " + refundId + ": " + to + " bought back from the merchant's " + held.getCurrencyCode()
                        + " balance at " + cost.rate() + " (" + cost.rateDay() + ")");
    }

    /**
     * What the merchant owes in the currency (a positive number, zero when nothing), read once the merchant's balance
     * row is locked ({@link Ledger#lockMerchant}), so that two settlements cannot both repay the same debt.
     */
    private long lockDebt(long sellerAccountId, String currency) {
        ledger.lockMerchant(sellerAccountId, currency);
        return Math.max(0, -ledger.balance(AccountKind.MERCHANT_DEBT, sellerAccountId, currency));
    }

    @Override
    @Transactional
    public void refundSettled(long orderId, long refundId, long buyerAccountId, Payee payee, Money amount,
            Money feeBack, Money subsidyBack, TaxShare taxesBack) {
        requirePositive(amount);
        requireSameCurrency(amount, taxesBack);
        if (subsidyBack.isNegative() || (subsidyBack.isPositive() && !(payee instanceof Payee.Merchant))) {
            throw new IllegalArgumentException("Refund " + refundId + " cannot give back a subsidy of " + subsidyBack);
        }
        if (feeBack.isNegative() || feeBack.minor() > amount.minor()) {
            throw new IllegalArgumentException("Refund " + refundId + " cannot give back a fee of " + feeBack + " of "
                    + amount);
        }
        String currency = amount.currencyCode();
        List<Leg> legs;
        String memo;
        if (payee instanceof Payee.Merchant merchant) {
            long seller = merchant.sellerAccountId();
            long owed = amount.minor() - feeBack.minor() + subsidyBack.minor();
            // The merchant's row is locked first, so that the balance read here is the one the posting debits.
            long balance = ledger.lockMerchant(seller, currency);
            if (balance < owed) {
                fromSettlementCurrency(refundId, seller, new Money(owed - Math.max(balance, 0), amount.currency()));
                balance = ledger.lockMerchant(seller, currency);
            }
            long fromBalance = Math.min(Math.max(balance, 0), owed);
            long debt = owed - fromBalance;
            legs = List.of(new Leg(AccountKind.MERCHANT, seller, -fromBalance),
                    new Leg(AccountKind.MERCHANT_DEBT, seller, -debt),
                    new Leg(AccountKind.FEE_REVENUE, PLATFORM, -feeBack.minor()),
                    new Leg(AccountKind.SUBSIDY, PLATFORM, subsidyBack.minor()),
                    new Leg(AccountKind.VAT_PAYABLE, PLATFORM, -taxesBack.vat().minor()),
                    new Leg(AccountKind.DUTY_PAYABLE, PLATFORM, -taxesBack.duty().minor()),
                    new Leg(AccountKind.WALLET, buyerAccountId, amount.plus(taxesBack.total()).minor()));
            memo = "Refund " + refundId + " of settled order " + orderId + ": fee given back " + feeBack
                    + (subsidyBack.isPositive() ? ", subsidy returned " + subsidyBack : "")
                    + (debt > 0 ? ", " + new Money(debt, amount.currency()) + " owed by the merchant" : "");
        } else {
            legs = List.of(new Leg(AccountKind.SALES_REVENUE, PLATFORM, -amount.minor()),
                    new Leg(AccountKind.VAT_PAYABLE, PLATFORM, -taxesBack.vat().minor()),
                    new Leg(AccountKind.DUTY_PAYABLE, PLATFORM, -taxesBack.duty().minor()),
                    new Leg(AccountKind.WALLET, buyerAccountId, amount.plus(taxesBack.total()).minor()));
            memo = "Refund " + refundId + " of the platform's own settled order " + orderId;
        }
        ledger.post("REFUND_AFTER_SETTLEMENT", orderId, "refund:" + refundId, memo, currency, legs);
    }

    @Override
    public Money balanceAt(AccountKind kind, long ownerId, Currency currency, Instant at) {
        long sum = jdbc.sql("""
                SELECT coalesce(sum(e.amount_minor), 0) FROM payment.entries e
                JOIN payment.accounts a ON a.id = e.account_id JOIN payment.postings p ON p.id = e.posting_id
                WHERE a.kind = ? AND a.owner_id = ? AND a.currency = ? AND p.created_at < ?""")
                .params(kind.name(), ownerId, currency.getCurrencyCode(), Timestamp.from(at)).query(Long.class).single();
        return new Money(sum, currency);
    }

    @Override
    public List<Posting> postingsBetween(long ownerId, java.util.Collection<AccountKind> kinds, Currency currency,
            Instant from, Instant to) {
        List<Long> accounts = jdbc.sql("SELECT id FROM payment.accounts WHERE owner_id = ? AND currency = ? AND kind = ANY(?)")
                .params(ownerId, currency.getCurrencyCode(), kinds.stream().map(Enum::name).toArray(String[]::new))
                .query(Long.class).list();
        if (accounts.isEmpty()) {
            return List.of();
        }
        return postings("p.created_at >= '" + Timestamp.from(from).toInstant() + "'::timestamptz AND p.created_at < '"
                + Timestamp.from(to).toInstant() + "'::timestamptz AND p.id IN (SELECT posting_id FROM payment.entries WHERE account_id = ANY(?))",
                accounts.toArray(Long[]::new), Integer.MAX_VALUE, "p.id");
    }

    @Override
    @Transactional
    public Money chargeFee(String reference, long sellerAccountId, Money amount, String memo) {
        requirePositive(amount);
        String currency = amount.currencyCode();
        long balance = ledger.lockMerchant(sellerAccountId, currency);
        long fromBalance = Math.min(Math.max(balance, 0), amount.minor());
        long debt = amount.minor() - fromBalance;
        boolean posted = ledger.post("MERCHANT_FEE", null, reference, memo, currency, List.of(
                new Leg(AccountKind.MERCHANT, sellerAccountId, -fromBalance),
                new Leg(AccountKind.MERCHANT_DEBT, sellerAccountId, -debt),
                new Leg(AccountKind.SUPPLIER_MEMBERSHIP_REVENUE, PLATFORM, amount.minor()))).isPresent();
        return new Money(posted ? debt : 0, amount.currency());
    }

    /** The ledger owner of a payee's escrow and balance. */
    private static long owner(Payee payee) {
        return switch (payee) {
            case Payee.Merchant merchant -> merchant.sellerAccountId();
            case Payee.Platform platform -> PLATFORM;
        };
    }

    @Override
    public List<Posting> postingsOf(long orderId) {
        return postings("p.order_id = ?", orderId, Integer.MAX_VALUE, "p.id");
    }

    @Override
    @Transactional
    public TopUp topUp(Actor buyer, Money amount) {
        buyer.require(Role.BUYER);
        if (amount.minor() <= 0 || amount.minor() > MAX_TOP_UP_MINOR) {
            throw new InvalidInputException("amountMinor",
                    Text.of("payment.topUpMustBetweenMinor", MAX_TOP_UP_MINOR, amount.minor()));
        }
        String reference = "top-up:" + UUID.randomUUID();
        String providerReference;
        try {
            providerReference = provider.charge(buyer.accountId(), amount, reference);
        } catch (PaymentDeclinedException e) {
            throw new ConflictException(Text.of("payment.topUpDeclinedPaymentProvider", e.getMessage()));
        }
        long postingId = ledger.post("TOP_UP", null, reference, "Wallet top-up via " + providerReference,
                amount.currencyCode(), List.of(
                        new Leg(AccountKind.PROVIDER_CLEARING, PLATFORM, -amount.minor()),
                        new Leg(AccountKind.WALLET, buyer.accountId(), amount.minor()))).orElseThrow();
        long balance = ledger.balance(AccountKind.WALLET, buyer.accountId(), amount.currencyCode());
        return new TopUp(postingId, buyer.accountId(), amount, providerReference, new Money(balance, amount.currency()),
                clock.instant());
    }

    @Override
    @Transactional
    public Withdrawal withdraw(Actor seller, Money amount) {
        seller.require(Role.SELLER);
        if (amount.minor() <= 0) {
            throw new InvalidInputException("amountMinor", Text.of("payment.withdrawalMustPositiveGot", amount.minor()));
        }
        String reference = "withdrawal:" + UUID.randomUUID();
        long postingId;
        try {
            postingId = ledger.post("WITHDRAWAL", null, reference, "Withdrawal to the merchant's bank account",
                    amount.currencyCode(), List.of(
                            new Leg(AccountKind.MERCHANT, seller.accountId(), -amount.minor()),
                            new Leg(AccountKind.PROVIDER_CLEARING, PLATFORM, amount.minor()))).orElseThrow();
        } catch (ConflictException e) {
            throw new ConflictException(Text.of("payment.cannotWithdraw", amount, e.text()));
        }
        // The payout goes last: if it fails, the transaction rolls back and the balance is untouched.
        String providerReference = provider.payout(seller.accountId(), amount, reference);
        long balance = ledger.balance(AccountKind.MERCHANT, seller.accountId(), amount.currencyCode());
        return new Withdrawal(postingId, seller.accountId(), amount, providerReference,
                new Money(balance, amount.currency()), clock.instant());
    }

    @Override
    public List<LedgerAccount> accountsOf(Actor actor) {
        return switch (actor.role()) {
            case BUYER -> accounts("kind IN ('WALLET', 'RIDER') AND owner_id = ?", actor.accountId());
            case SELLER -> accounts("kind IN ('MERCHANT', 'ESCROW', 'AD_ACCOUNT', 'MERCHANT_DEBT') AND owner_id = ?", actor.accountId());
            // The system actor is the platform itself, so its accounts are the platform's.
            case OPERATOR, SYSTEM -> accounts("kind IN ('FEE_REVENUE', 'SALES_REVENUE', 'AD_REVENUE', 'SUBSIDY', 'MEMBERSHIP_REVENUE', 'SUPPLIER_MEMBERSHIP_REVENUE', 'PROVIDER_CLEARING', 'FX_CLEARING', 'VAT_PAYABLE', 'DUTY_PAYABLE', 'DELIVERY_ESCROW', 'DELIVERY_REVENUE') OR (kind = 'ESCROW' AND owner_id = ?)", 0L);
        };
    }

    @Override
    public List<Posting> statement(Actor actor, int limit) {
        return statement(accountsOf(actor), limit);
    }

    @Override
    public List<Posting> statementOf(Actor operator, long accountId, int limit) {
        operator.require(Role.OPERATOR);
        return statement(accounts("kind IN ('WALLET', 'MERCHANT', 'ESCROW', 'AD_ACCOUNT', 'MERCHANT_DEBT') AND owner_id = ?", accountId), limit);
    }

    private List<Posting> statement(List<LedgerAccount> accounts, int limit) {
        if (accounts.isEmpty()) {
            return List.of();
        }
        return postings("p.id IN (SELECT posting_id FROM payment.entries WHERE account_id = ANY(?))",
                accounts.stream().map(LedgerAccount::id).toArray(Long[]::new), limit, "p.id DESC");
    }

    @Override
    public Map<String, Long> trialBalance() {
        Map<String, Long> sums = new TreeMap<>();
        jdbc.sql("SELECT currency, sum(balance_minor) FROM payment.account_balances GROUP BY currency")
                .query((rs, n) -> sums.put(rs.getString(1), rs.getLong(2))).list();
        return sums;
    }

    @Override
    public List<LedgerAccount> accounts(AccountKind kind) {
        return accounts("kind = ? AND owner_id >= ?", kind.name(), 0L);
    }

    private List<LedgerAccount> accounts(String where, Object... params) {
        return jdbc.sql("SELECT id, kind, owner_id, currency, balance_minor FROM payment.account_balances WHERE "
                        + where + " ORDER BY kind, currency")
                .params(params)
                .query((rs, n) -> new LedgerAccount(rs.getLong(1), AccountKind.valueOf(rs.getString(2)), rs.getLong(3),
                        stored(rs.getLong(5), rs.getString(4))))
                .list();
    }

    private List<Posting> postings(String where, Object param, int limit, String order) {
        Map<Long, PostingBuilder> byId = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT p.id, p.kind, p.order_id, p.reference, p.memo, p.created_at, a.kind, a.owner_id, e.amount_minor, a.currency
                FROM payment.postings p JOIN payment.entries e ON e.posting_id = p.id JOIN payment.accounts a ON a.id = e.account_id
                WHERE p.id IN (SELECT p.id FROM payment.postings p WHERE\s""" + where + " ORDER BY " + order + " LIMIT " + limit + ")"
                + " ORDER BY " + order + ", e.id")
                .param(param)
                .query((RowCallbackHandler) rs -> {
                    PostingBuilder posting = byId.computeIfAbsent(rs.getLong(1), id -> {
                        try {
                            return new PostingBuilder(id, rs.getString(2), (Long) rs.getObject(3), rs.getString(4),
                                    rs.getString(5), rs.getTimestamp(6).toInstant());
                        } catch (java.sql.SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    });
                    posting.entries.add(new Posting.Entry(AccountKind.valueOf(rs.getString(7)), rs.getLong(8),
                            stored(rs.getLong(9), rs.getString(10))));
                });
        return byId.values().stream().map(PostingBuilder::build).toList();
    }

    /**
     * An amount as the tables hold it. The currency was checked when it was written, so it is not checked against
     * the traded currencies again: a currency no longer traded must still read back.
     */
    private static Money stored(long minor, String currency) {
        return new Money(minor, Currency.getInstance(currency.strip()));
    }

    private static void requirePositive(Money amount) {
        if (!amount.isPositive()) {
            throw new InvalidInputException("amount", Text.of("payment.amountMustPositiveGot", amount));
        }
    }

    private record PostingBuilder(long id, String kind, Long orderId, String reference, String memo, Instant at,
            List<Posting.Entry> entries) {
        PostingBuilder(long id, String kind, Long orderId, String reference, String memo, Instant at) {
            this(id, kind, orderId, reference, memo, at, new ArrayList<>());
        }

        Posting build() {
            return new Posting(id, kind, orderId, reference, memo, at, entries);
        }
    }

    @Override
    public List<io.mercato.payment.DailyAmount> bookedPerDay(AccountKind kind, java.time.LocalDate from,
            java.time.LocalDate to, java.time.ZoneId zone) {
        return jdbc.sql("""
                SELECT (p.created_at AT TIME ZONE :zone)::date AS day, a.currency, sum(e.amount_minor)
                FROM payment.entries e JOIN payment.accounts a ON a.id = e.account_id
                JOIN payment.postings p ON p.id = e.posting_id
                WHERE a.kind = :kind AND p.created_at >= :from AND p.created_at < :to
                  -- only the entries from the lowest posting id of those days on (id + 0 so the time index finds
                  -- it); days without postings read no entries at all
                  AND e.posting_id >= (SELECT coalesce(min(id + 0), 9223372036854775807) FROM payment.postings
                                       WHERE created_at >= :from AND created_at < :to)
                GROUP BY 1, 2 ORDER BY 1, 2""")
                .param("zone", zone.getId()).param("kind", kind.name())
                .param("from", Timestamp.from(from.atStartOfDay(zone).toInstant()))
                .param("to", Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant()))
                .query((rs, n) -> new io.mercato.payment.DailyAmount(rs.getObject(1, java.time.LocalDate.class),
                        stored(rs.getLong(3), rs.getString(2))))
                .list();
    }
}
