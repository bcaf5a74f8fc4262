package io.mercato.billing;

import io.mercato.platform.Actor;
import java.util.List;

/** The fee rules and rebate programmes operators keep, and what they mean for one store. */
public interface FeeRules {

    /**
     * Every version of every fee rule, newest first.
     *
     * @throws io.mercato.platform.ForbiddenException unless an operator asks
     */
    List<FeeRule> rules(Actor operator);

    /**
     * Adds a version of a fee rule, in force from its effective date (now or later, never in the past).
     *
     * @throws io.mercato.platform.InvalidInputException naming the field that is wrong
     * @throws io.mercato.platform.ForbiddenException unless an operator asks
     */
    FeeRule add(Actor operator, NewFeeRule rule);

    /** Every rebate programme, newest first; operators only. */
    List<RebateProgramme> rebates(Actor operator);

    /** Adds a rebate programme; operators only. */
    RebateProgramme addRebate(Actor operator, NewRebateProgramme programme);

    /**
     * The terms one store trades under now: the rules that apply to it and any rebate it earns.
     *
     * @throws io.mercato.platform.ForbiddenException when a seller asks about another's store
     */
    StoreTerms terms(Actor actor, long storeId);

    /**
     * The fees booked on one order, oldest first.
     *
     * @throws io.mercato.platform.ForbiddenException when a seller asks about another's order
     */
    List<FeeCharge> charges(Actor actor, long orderId);
}
