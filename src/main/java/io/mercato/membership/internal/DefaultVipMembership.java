package io.mercato.membership.internal;

import io.mercato.membership.Entitlement;
import io.mercato.membership.Partner;
import io.mercato.membership.Term;
import io.mercato.membership.Term.TermKind;
import io.mercato.membership.VipMembership;
import io.mercato.membership.VipPrice;
import io.mercato.membership.VipStatus;
import io.mercato.payment.MembershipFees;
import io.mercato.platform.Actor;
import io.mercato.platform.ConflictException;
import io.mercato.platform.ForbiddenException;
import io.mercato.platform.Money;
import io.mercato.platform.NotFoundException;
import io.mercato.platform.Role;
import io.mercato.platform.Text;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 88VIP terms: join, renew ahead, renew automatically at expiry, cancel within the cooling-off period. Each use case
 * locks the buyer's member row first, then writes the term and its ledger posting in one transaction.
 */
@Service
class DefaultVipMembership implements VipMembership {

    private static final Logger log = LoggerFactory.getLogger(DefaultVipMembership.class);

    /** How long after a term ends an auto-renewal is still attempted (the timer may have been off). */
    static final Duration AUTO_RENEW_GRACE = Duration.ofDays(3);

    private final Terms terms;
    private final DefaultEngagementPoints points;
    private final MembershipFees fees;
    private final MemberCoupons coupons;
    private final TransactionTemplate transactions;
    private final Clock clock;

    DefaultVipMembership(Terms terms, DefaultEngagementPoints points, MembershipFees fees, MemberCoupons coupons,
            TransactionTemplate transactions, Clock clock) {
        this.terms = terms;
        this.points = points;
        this.fees = fees;
        this.coupons = coupons;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public VipStatus status(Actor buyer) {
        buyer.require(Role.BUYER);
        return status(buyer, now());
    }

    private VipStatus status(Actor buyer, Instant now) {
        long buyerId = buyer.accountId();
        List<Term> all = terms.terms(buyerId);
        long balance = points.balanceOf(buyerId);
        Instant until = memberUntil(all, now);
        boolean renewedAhead = until != null && all.stream().anyMatch(t -> !t.cancelled() && t.startsAt().isAfter(now));
        Term cancellable = all.stream()
                .filter(t -> !t.cancelled() && t.coolingOffUntil().isAfter(now) && t.endsAt().isAfter(now))
                .findFirst().orElse(null);
        return new VipStatus(buyerId, until != null, until, balance, VipPrice.forPoints(balance),
                terms.autoRenew(buyerId), until != null && !renewedAhead, cancellable, all,
                terms.entitlements(buyerId, now), coupons.coupons(buyer));
    }

    /** The end of the run of terms that covers now, following renewals that start where the one before ends. */
    static @Nullable Instant memberUntil(List<Term> newestFirst, Instant now) {
        Instant until = null;
        for (Term term : newestFirst.reversed()) {
            if (until == null) {
                if (term.covers(now)) {
                    until = term.endsAt();
                }
            } else if (!term.startsAt().isAfter(until) && term.endsAt().isAfter(until)) {
                until = term.endsAt();
            }
        }
        return until;
    }

    @Override
    @Transactional
    public Joined join(Actor buyer) {
        buyer.require(Role.BUYER);
        Instant now = now();
        long buyerId = buyer.accountId();
        terms.lockMember(buyerId, now);
        Optional<Term> current = terms.terms(buyerId).stream().filter(t -> t.covers(now)).findFirst();
        if (current.isPresent()) {
            return new Joined(current.get(), false);
        }
        terms.firstJoined(buyerId, now);
        Term term = buy(buyerId, TermKind.JOIN, now, now);
        coupons.grantThisMonth(buyerId, now);
        return new Joined(term, true);
    }

    @Override
    @Transactional
    public Term renew(Actor buyer) {
        buyer.require(Role.BUYER);
        Instant now = now();
        long buyerId = buyer.accountId();
        terms.lockMember(buyerId, now);
        List<Term> all = terms.terms(buyerId);
        Instant until = memberUntil(all, now);
        if (until == null) {
            throw new ConflictException(Text.of("membership.youNotVIPMemberNow"));
        }
        if (all.stream().anyMatch(t -> !t.cancelled() && t.startsAt().isAfter(now))) {
            throw new ConflictException(Text.of("membership.yourMembershipRenewedAlreadyUntil", until));
        }
        return buy(buyerId, TermKind.RENEWAL, until, now);
    }

    /** Writes a year's term from {@code startsAt}, charges its price and issues its entitlements. */
    private Term buy(long buyerId, TermKind kind, Instant startsAt, Instant now) {
        long balance = points.balanceOf(buyerId);
        Money price = VipPrice.forPoints(balance);
        Money wallet = fees.wallet(buyerId, price.currency());
        if (wallet.minor() < price.minor()) {
            throw new ConflictException(Text.of("membership.vipCostsYourWalletHolds", price, wallet, price.minus(wallet)));
        }
        Instant endsAt = startsAt.atOffset(ZoneOffset.UTC).plusYears(1).toInstant();
        long termId = terms.insert(buyerId, kind, startsAt, endsAt, price, balance, now);
        long posting;
        try {
            posting = fees.charge(buyerId, price, "88vip:term:" + termId, "88VIP " + kind.name().toLowerCase()
                    + " from " + startsAt + " to " + endsAt).orElseThrow();
        } catch (ConflictException shortOfMoney) {
            throw new ConflictException(Text.of("membership.vipCostsYourWalletHolds2", price, fees.wallet(buyerId, price.currency())));
        }
        terms.charged(termId, posting);
        for (Partner partner : Partner.values()) {
            terms.entitle(termId, partner, EntitlementCodes.next(partner), now);
        }
        return terms.term(termId).orElseThrow();
    }

    @Override
    @Transactional
    public Term cancel(Actor buyer, long termId) {
        buyer.require(Role.BUYER);
        Instant now = now();
        Term term = terms.term(termId).orElseThrow(() -> new NotFoundException(Text.of("membership.thereNoVIPTerm", termId)));
        if (term.buyerAccountId() != buyer.accountId()) {
            throw new ForbiddenException(Text.of("membership.vipTermNotYours", termId));
        }
        terms.lockMember(buyer.accountId(), now);
        term = terms.term(termId).orElseThrow();
        if (term.cancelled()) {
            throw new ConflictException(Text.of("membership.vipTermWasCancelledAlready", termId, term.cancelledAt()));
        }
        if (!term.coolingOffUntil().isAfter(now)) {
            throw new ConflictException(Text.of("membership.dayCoolingOffPeriodVIP", termId, term.coolingOffUntil()));
        }
        if (!term.endsAt().isAfter(now)) {
            throw new ConflictException(Text.of("membership.vipTermHasEndedAlready", termId));
        }
        long id = term.id();
        Instant end = term.endsAt();
        boolean followed = terms.terms(buyer.accountId()).stream()
                .anyMatch(t -> t.id() != id && !t.cancelled() && !t.startsAt().isBefore(end));
        if (followed) {
            throw new ConflictException(Text.of("membership.renewalFollowsVIPTermCancel", termId));
        }
        long refund = fees.refund(buyer.accountId(), term.price(), "88vip:term:" + termId + ":refund",
                "88VIP term " + termId + " cancelled within the cooling-off period").orElseThrow();
        Instant endsAt = term.startsAt().isAfter(now) ? term.startsAt() : now;
        terms.cancel(termId, now, endsAt, refund);
        terms.autoRenew(buyer.accountId(), false);
        return terms.term(termId).orElseThrow();
    }

    @Override
    @Transactional
    public VipStatus autoRenew(Actor buyer, boolean on) {
        buyer.require(Role.BUYER);
        Instant now = now();
        terms.lockMember(buyer.accountId(), now);
        terms.autoRenew(buyer.accountId(), on);
        return status(buyer, now);
    }

    @Override
    public int runDue() {
        Instant now = now();
        int renewed = 0;
        for (long buyerId : terms.dueForAutoRenewal(now.minus(AUTO_RENEW_GRACE), now)) {
            try {
                Boolean done = transactions.execute(status -> autoRenewOne(buyerId, now));
                if (Boolean.TRUE.equals(done)) {
                    renewed++;
                }
            } catch (ConflictException shortOfMoney) {
                log.info("88VIP of buyer {} was not renewed automatically: {}", buyerId, shortOfMoney.getMessage());
            }
        }
        coupons.grantDue(now);
        return renewed;
    }

    /** Renews the buyer's ended term from its end, if it is still the last and auto-renewal still chosen. */
    private boolean autoRenewOne(long buyerId, Instant now) {
        if (!terms.lockMember(buyerId, now)) {
            return false;
        }
        List<Term> all = terms.terms(buyerId);
        Optional<Term> last = all.stream().filter(t -> !t.cancelled()).max(
                java.util.Comparator.comparing(Term::endsAt).thenComparingLong(Term::id));
        if (last.isEmpty() || last.get().endsAt().isAfter(now)) {
            return false;
        }
        buy(buyerId, TermKind.AUTO_RENEWAL, last.get().endsAt(), now);
        return true;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
