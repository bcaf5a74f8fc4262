package io.mercato.billing;

import io.mercato.merchant.StoreKind;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A rebate programme as an operator enters it; see {@link RebateProgramme}. */
public record NewRebateProgramme(@Nullable String name, @Nullable StoreKind storeKind,
        @Nullable Integer rebateBasisPoints, @Nullable Integer days, @Nullable Long gmvCapMinor,
        @Nullable String currency, @Nullable Instant effectiveFrom, @Nullable Instant endAt) {
}
