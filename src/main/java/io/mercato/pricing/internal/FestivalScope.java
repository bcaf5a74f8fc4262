package io.mercato.pricing.internal;

import java.util.Set;

/**
 * Which festivals a SKU is enrolled in, for promotions scoped to one festival (its vouchers and threshold
 * discounts apply to enrolled SKUs only). Implemented by the festivals part of this module; the engine must answer
 * from memory on its hot path, so implementations cache.
 */
public interface FestivalScope {

    /** The festivals whose enrolment includes the SKU; empty when none. */
    Set<Long> festivalsOf(long skuId);
}
