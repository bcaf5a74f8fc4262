package io.mercato.membership.internal;

import io.mercato.membership.EngagementPoints;
import io.mercato.membership.PointsEntry;
import io.mercato.membership.PointsReason;
import io.mercato.platform.Actor;
import io.mercato.platform.ConflictException;
import io.mercato.platform.Money;
import io.mercato.platform.Role;
import io.mercato.platform.Text;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Points awards, each booked once per source; the rules for how many are here. */
@Service
class DefaultEngagementPoints implements EngagementPoints {

    private final PointsBook book;
    private final Clock clock;
    private final ZoneId zone;

    DefaultEngagementPoints(PointsBook book, Clock clock, @Value("${mercato.web.time-zone:Asia/Shanghai}") String zone) {
        this.book = book;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    @Override
    public long balance(Actor buyer) {
        buyer.require(Role.BUYER);
        return book.balance(buyer.accountId());
    }

    @Override
    public List<PointsEntry> history(Actor buyer, int limit) {
        buyer.require(Role.BUYER);
        return book.history(buyer.accountId(), Math.max(1, Math.min(limit, 200)));
    }

    @Override
    @Transactional
    public PointsEntry checkIn(Actor buyer) {
        buyer.require(Role.BUYER);
        Instant now = now();
        LocalDate today = LocalDate.ofInstant(now, zone);
        return book.award(buyer.accountId(), checkInSource(today), PointsReason.CHECK_IN, CHECK_IN, null, null, now)
                .orElseThrow(() -> new ConflictException(Text.of("membership.youCheckedAlreadyComeBack", today)));
    }

    @Override
    public boolean checkedInToday(Actor buyer) {
        buyer.require(Role.BUYER);
        return book.has(buyer.accountId(), checkInSource(LocalDate.ofInstant(now(), zone)));
    }

    /** One point per whole RMB paid; orders in other currencies earn none. */
    static long forPayment(Money paid) {
        return paid.currencyCode().equals("CNY") && paid.isPositive() ? paid.minor() / 100 : 0;
    }

    /** Awards a paid order's points once. */
    void orderPaid(long orderId, long buyerAccountId, Money total) {
        long points = forPayment(total);
        if (points > 0) {
            book.award(buyerAccountId, "order:" + orderId, PointsReason.ORDER_PAID, points, orderId, total.minor(), now());
        }
    }

    /**
     * Takes back the points of the money a refund returned, once per refund: the points of all the order's refunds so
     * far less what earlier refunds took back (so the parts of a full refund take back exactly what the order earned,
     * whatever their rounding), never more than the order has left.
     */
    void refunded(long refundId, long orderId, Money amount) {
        if (!amount.currencyCode().equals("CNY") || !amount.isPositive()) {
            return;
        }
        book.lockOrder(orderId);
        book.ofOrder(orderId).ifPresent(order -> {
            long back = pointsBack(order.earned(), order.reversed(), order.refundedMinor(), amount.minor());
            book.award(order.buyerAccountId(), "refund:" + refundId, PointsReason.REFUND, -back, orderId,
                    amount.minor(), now());
        });
    }

    /**
     * The points a refund of {@code amountMinor} takes back from an order that earned {@code earned}, after earlier
     * refunds of {@code refundedBeforeMinor} took back {@code reversed}: the points of everything refunded so far less
     * what was taken back, between zero and what the order has left.
     */
    static long pointsBack(long earned, long reversed, long refundedBeforeMinor, long amountMinor) {
        long due = (refundedBeforeMinor + amountMinor) / 100 - reversed;
        return Math.max(0, Math.min(earned - reversed, due));
    }

    void reviewed(long reviewId, long buyerAccountId) {
        book.award(buyerAccountId, "review:" + reviewId, PointsReason.REVIEW, REVIEW, null, null, now());
    }

    long balanceOf(long buyerAccountId) {
        return book.balance(buyerAccountId);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static String checkInSource(LocalDate day) {
        return "check-in:" + day;
    }
}
