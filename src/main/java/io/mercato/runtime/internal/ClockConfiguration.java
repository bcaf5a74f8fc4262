package io.mercato.runtime.internal;

import io.mercato.platform.SteerableClock;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one source of time, so timeouts are testable with a clock of the test's choosing. It follows the system clock
 * unless the market simulator holds it at the simulated time it is writing.
 */
@Configuration(proxyBeanMethods = false)
final class ClockConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return new SteerableClock(Clock.systemUTC());
    }
}
