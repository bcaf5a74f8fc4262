package io.mercato.identity.internal;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may read the management endpoints under {@code /actuator}: those listed here answer anyone (load balancers
 * and orchestrators probe health without logging in); every other one answers operators only.
 *
 * @param publicEndpoints endpoint ids open to anyone, such as {@code health} or {@code prometheus}
 */
@ConfigurationProperties("mercato.management")
record ManagementAccessProperties(@DefaultValue("health") List<String> publicEndpoints) {
}
