package io.mercato.identity.internal;

import io.mercato.platform.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Creates the configured operator accounts that do not exist yet. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class OperatorSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(OperatorSeeder.class);

    private final DefaultAccounts accounts;
    private final IdentityProperties properties;

    OperatorSeeder(DefaultAccounts accounts, IdentityProperties properties) {
        this.accounts = accounts;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (IdentityProperties.Operator operator : properties.operators()) {
            if (accounts.findByEmail(operator.email()).isEmpty()) {
                accounts.create(operator.email(), operator.password(), operator.displayName(), Role.OPERATOR);
                log.info("Seeded operator account {}", operator.email());
            }
        }
    }
}
