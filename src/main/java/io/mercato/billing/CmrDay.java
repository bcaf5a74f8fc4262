package io.mercato.billing;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.mercato.platform.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * The platform's customer management revenue on one day: fees (net of rebates and fees given back) and
 * advertising, against the GMV of the orders paid that day.
 */
public record CmrDay(LocalDate day, @JsonIgnore Money gmv, @JsonIgnore Money feeRevenue, @JsonIgnore Money adRevenue) {

    @JsonIgnore
    public Money cmr() {
        return feeRevenue.plus(adRevenue);
    }

    /** CMR ÷ GMV as a fraction with six decimals; null on a day without GMV. */
    @JsonProperty("takeRate")
    public @Nullable BigDecimal takeRate() {
        return gmv.minor() == 0 ? null
                : BigDecimal.valueOf(cmr().minor()).divide(BigDecimal.valueOf(gmv.minor()), 6, RoundingMode.HALF_UP);
    }

    @JsonProperty("currency")
    public String currency() {
        return gmv.currencyCode();
    }

    @JsonProperty("gmvMinor")
    public long gmvMinor() {
        return gmv.minor();
    }

    @JsonProperty("feeRevenueMinor")
    public long feeRevenueMinor() {
        return feeRevenue.minor();
    }

    @JsonProperty("adRevenueMinor")
    public long adRevenueMinor() {
        return adRevenue.minor();
    }

    @JsonProperty("cmrMinor")
    public long cmrMinor() {
        return cmr().minor();
    }
}
