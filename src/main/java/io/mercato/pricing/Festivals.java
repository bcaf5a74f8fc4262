package io.mercato.pricing;

import io.mercato.platform.Actor;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Festivals: the campaigns operators run (618, 11.11, a value-for-money channel for small merchants) with their
 * dates, presale and final-payment windows, the stores taking part, the SKUs those stores enrol and the voucher
 * pools issued for them. Enrolment is open until the festival starts; an operator may remove an enrolment at any
 * time, and the merchant cannot enrol that SKU again.
 */
public interface Festivals {

    /**
     * @throws io.mercato.platform.InvalidInputException naming the bad field (names, dates, windows out of order)
     * @throws io.mercato.platform.ForbiddenException when the actor is not an operator
     */
    Festival create(Actor operator, NewFestival festival);

    /** @throws io.mercato.platform.NotFoundException when there is no such festival */
    Festival festival(long festivalId);

    /** Festivals that have not ended at {@code at}, soonest first. */
    List<Festival> upcoming(Instant at);

    /** Every festival, newest first, for operators. */
    List<Festival> all(Actor operator);

    /** The festival to announce on the home page: the running one that ends first, else the next to start. */
    Optional<Festival> headline(Instant at);

    /**
     * Lets a store take part; a value-for-money channel takes Taobao stores only. Adding it again changes nothing.
     *
     * @throws io.mercato.platform.NotFoundException when there is no such store or festival
     * @throws io.mercato.platform.ConflictException when the festival has ended or the store's kind may not take part
     */
    List<Participant> addStore(Actor operator, long festivalId, long storeId);

    /** The stores taking part, in the order they were added. */
    List<Participant> participants(long festivalId);

    /** Festivals a store takes part in that have not ended, soonest first. */
    List<Festival> festivalsOfStore(Actor seller, long storeId, Instant at);

    /**
     * The seller (or an operator) enrols a SKU of a participating store; enrolling it again changes nothing.
     *
     * @throws io.mercato.platform.ForbiddenException when the SKU is not the seller's
     * @throws io.mercato.platform.ConflictException when the festival has started, the store does not take part, or an
     *         operator removed the SKU from the festival
     */
    Enrolment enrol(Actor actor, long festivalId, long skuId);

    /**
     * The seller withdraws its SKU before the festival starts, or an operator removes an enrolment at any time.
     *
     * @throws io.mercato.platform.NotFoundException when the SKU is not enrolled
     */
    void withdraw(Actor actor, long festivalId, long skuId, @Nullable String reason);

    /** The festival's current enrolments, of one store when {@code storeId} is given, in the order enrolled. */
    List<Enrolment> enrolments(long festivalId, @Nullable Long storeId);

    /**
     * Creates a voucher pool for the festival through {@link Vouchers#createPool}: its coupons apply to the
     * festival's enrolled SKUs only.
     */
    Vouchers.Pool addPool(Actor operator, long festivalId, Vouchers.NewPool pool);

    /** The ids of the festival's voucher pools, oldest first. */
    List<Long> poolIds(long festivalId);

    enum Kind { SHOPPING_FESTIVAL, VALUE_CHANNEL }

    /** Where a festival stands at an instant. */
    enum Phase { UPCOMING, PRESALE, RUNNING, ENDED }

    /**
     * @param presaleFrom null when the festival has no presale (then so are the other three windows)
     */
    record NewFestival(@Nullable Kind kind, @Nullable String nameEn, @Nullable String nameZh,
            @Nullable Instant startsAt, @Nullable Instant endsAt, @Nullable Instant presaleFrom,
            @Nullable Instant presaleUntil, @Nullable Instant finalFrom, @Nullable Instant finalUntil) {
    }

    record Festival(long id, Kind kind, String nameEn, String nameZh, Instant startsAt, Instant endsAt,
            @Nullable Instant presaleFrom, @Nullable Instant presaleUntil, @Nullable Instant finalFrom,
            @Nullable Instant finalUntil, Instant createdAt) {

        public boolean hasPresale() {
            return presaleFrom != null;
        }

        public Phase phase(Instant at) {
            if (!at.isBefore(endsAt)) {
                return Phase.ENDED;
            }
            if (!at.isBefore(startsAt)) {
                return Phase.RUNNING;
            }
            if (presaleFrom != null && presaleUntil != null && !at.isBefore(presaleFrom) && at.isBefore(presaleUntil)) {
                return Phase.PRESALE;
            }
            return Phase.UPCOMING;
        }

        /** Whether merchants may still enrol SKUs: until the festival starts. */
        public boolean enrolmentOpen(Instant at) {
            return at.isBefore(startsAt);
        }

        public String name(boolean chinese) {
            return chinese ? nameZh : nameEn;
        }
    }

    record Participant(long festivalId, long storeId, long sellerAccountId, Instant addedAt) {
    }

    record Enrolment(long festivalId, long skuId, long productId, long storeId, Instant enrolledAt, String enrolledBy) {
    }
}
