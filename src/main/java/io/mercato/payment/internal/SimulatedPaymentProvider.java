package io.mercato.payment.internal;

import io.mercato.payment.PaymentProvider;
import io.mercato.platform.Money;
import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A stand-in for a real payment network: it approves charges up to a limit per charge and declines larger
 * ones, so declines can be seen and tested. Replaced by defining another {@link PaymentProvider} bean.
 */
@Configuration(proxyBeanMethods = false)
class SimulatedPaymentProvider {

    @ConfigurationProperties("mercato.payment.simulated")
    record Limits(@DefaultValue("5000000") long maxChargeMinor) {
    }

    @Bean
    @ConditionalOnMissingBean(PaymentProvider.class)
    PaymentProvider paymentProvider(Limits limits) {
        return new PaymentProvider() {
            @Override
            public String charge(long buyerAccountId, Money amount, String reference) {
                if (amount.minor() > limits.maxChargeMinor()) {
                    throw new PaymentDeclinedException("card limit exceeded: " + amount + " is above the "
                            + new Money(limits.maxChargeMinor(), amount.currency()) + " allowed per charge");
                }
                return "sim-charge-" + UUID.nameUUIDFromBytes(reference.getBytes());
            }

            @Override
            public String payout(long sellerAccountId, Money amount, String reference) {
                return "sim-payout-" + UUID.nameUUIDFromBytes(reference.getBytes());
            }
        };
    }
}
