package io.mercato.ordering.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The module's policies as beans, so that a later module (billing, pricing) can replace one. */
@Configuration(proxyBeanMethods = false)
class OrderingConfiguration {

    @Bean
    RefundPolicy refundPolicy(OrderingProperties properties) {
        return properties.refundPolicy();
    }
}
