package io.mercato.payment.internal;

import io.mercato.payment.AccountKind;
import io.mercato.payment.DeliveryFees;
import io.mercato.payment.internal.Ledger.Leg;
import io.mercato.platform.Money;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Delivery fees and rider pay on the ledger; see {@link DeliveryFees} for the postings. */
@Service
class DefaultDeliveryFees implements DeliveryFees {

    private static final long PLATFORM = 0;

    private final Ledger ledger;
    private final JdbcClient jdbc;

    DefaultDeliveryFees(Ledger ledger, JdbcClient jdbc) {
        this.ledger = ledger;
        this.jdbc = jdbc;
    }

    /** The legs of the posting with this reference: account kind and owner → amount. */
    private record Held(String currency, long buyer, long buyerPaid, long subsidy) {
    }

    @Override
    @Transactional
    public void hold(long deliveryId, long orderId, long buyerAccountId, Money fee, Money subsidy) {
        if (fee.isNegative() || subsidy.isNegative() || !fee.currency().equals(subsidy.currency())) {
            throw new IllegalArgumentException("Delivery " + deliveryId + " needs a fee and subsidy of one currency, "
                    + "neither negative; got " + fee + " and " + subsidy);
        }
        long subsidised = Math.min(fee.minor(), subsidy.minor());
        long buyerPart = fee.minor() - subsidised;
        if (fee.minor() == 0) {
            return;
        }
        ledger.post("DELIVERY_FEE", orderId, reference(deliveryId, "fee"), "delivery fee of order " + orderId,
                fee.currencyCode(), List.of(
                        new Leg(AccountKind.WALLET, buyerAccountId, -buyerPart),
                        new Leg(AccountKind.SUBSIDY, PLATFORM, -subsidised),
                        new Leg(AccountKind.DELIVERY_ESCROW, PLATFORM, fee.minor())));
    }

    @Override
    @Transactional
    public void payRider(long deliveryId, long orderId, long riderAccountId, Money riderPay) {
        if (riderPay.isNegative()) {
            throw new IllegalArgumentException("Delivery " + deliveryId + " cannot pay its rider " + riderPay);
        }
        long held = held(deliveryId).filter(h -> h.currency().equals(riderPay.currencyCode()))
                .map(h -> h.buyerPaid() + h.subsidy()).orElse(0L);
        if (held == 0 && riderPay.minor() == 0) {
            return;
        }
        ledger.post("RIDER_PAY", orderId, reference(deliveryId, "paid"), "delivery of order " + orderId,
                riderPay.currencyCode(), List.of(
                        new Leg(AccountKind.DELIVERY_ESCROW, PLATFORM, -held),
                        new Leg(AccountKind.RIDER, riderAccountId, riderPay.minor()),
                        new Leg(AccountKind.DELIVERY_REVENUE, PLATFORM, held - riderPay.minor())));
    }

    @Override
    @Transactional
    public void refund(long deliveryId, long orderId) {
        held(deliveryId).ifPresent(h -> ledger.post("DELIVERY_FEE_REFUND", orderId, reference(deliveryId, "refund"),
                "delivery fee of order " + orderId + " given back", h.currency(), List.of(
                        new Leg(AccountKind.DELIVERY_ESCROW, PLATFORM, -(h.buyerPaid() + h.subsidy())),
                        new Leg(AccountKind.WALLET, h.buyer(), h.buyerPaid()),
                        new Leg(AccountKind.SUBSIDY, PLATFORM, h.subsidy()))));
    }

    private java.util.Optional<Held> held(long deliveryId) {
        List<Object[]> legs = jdbc.sql("""
                SELECT a.kind, a.owner_id, e.amount_minor, a.currency FROM payment.postings p
                JOIN payment.entries e ON e.posting_id = p.id JOIN payment.accounts a ON a.id = e.account_id
                WHERE p.reference = ?""").param(reference(deliveryId, "fee"))
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getString(4)}).list();
        if (legs.isEmpty()) {
            return java.util.Optional.empty();
        }
        long buyer = 0;
        long buyerPaid = 0;
        long subsidy = 0;
        for (Object[] leg : legs) {
            switch ((String) leg[0]) {
                case "WALLET" -> {
                    buyer = (Long) leg[1];
                    buyerPaid = -(Long) leg[2];
                }
                case "SUBSIDY" -> subsidy = -(Long) leg[2];
                default -> {
                }
            }
        }
        return java.util.Optional.of(new Held((String) legs.getFirst()[3], buyer, buyerPaid, subsidy));
    }

    @Override
    public Map<Long, DeliveryBooks> books(Collection<Long> deliveryIds) {
        if (deliveryIds.isEmpty()) {
            return Map.of();
        }
        List<String> references = new ArrayList<>();
        for (long id : deliveryIds) {
            for (String step : List.of("fee", "paid", "refund")) {
                references.add(reference(id, step));
            }
        }
        record Line(long delivery, String step, String kind, long amount, String currency) {
        }
        List<Line> lines = jdbc.sql("""
                SELECT split_part(p.reference, ':', 2)::bigint, split_part(p.reference, ':', 3), a.kind, e.amount_minor,
                    a.currency
                FROM payment.postings p JOIN payment.entries e ON e.posting_id = p.id
                JOIN payment.accounts a ON a.id = e.account_id
                WHERE p.reference IN (:refs)""").param("refs", references)
                .query((rs, n) -> new Line(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        rs.getString(5))).list();
        record Sums(String currency, long[] v) {
        }
        Map<Long, Sums> sums = new HashMap<>();
        for (Line line : lines) {
            // v: buyer paid, subsidy, rider pay, refunded (0/1)
            long[] v = sums.computeIfAbsent(line.delivery(), d -> new Sums(line.currency(), new long[4])).v();
            switch (line.kind()) {
                case "WALLET" -> v[0] -= line.amount();
                case "SUBSIDY" -> v[1] -= line.amount();
                case "RIDER" -> v[2] += line.amount();
                default -> {
                }
            }
            if (line.step().equals("refund")) {
                v[3] = 1;
            }
        }
        Map<Long, DeliveryBooks> books = new HashMap<>();
        sums.forEach((id, s) -> books.put(id, new DeliveryBooks(Money.of(s.v()[0], s.currency()),
                Money.of(s.v()[1], s.currency()), Money.of(s.v()[2], s.currency()), s.v()[3] == 1)));
        return books;
    }

    @Override
    public Money riderBalance(long riderAccountId, Currency currency) {
        return new Money(ledger.balance(AccountKind.RIDER, riderAccountId, currency.getCurrencyCode()), currency);
    }

    private static String reference(long deliveryId, String step) {
        return "delivery:" + deliveryId + ":" + step;
    }
}
