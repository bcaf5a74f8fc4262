package io.mercato.http.internal;

import io.mercato.platform.Actor;
import io.mercato.platform.Role;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Arrays;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document: bearer authentication, and the caller ({@link Actor}) kept out of the parameters. */
@Configuration(proxyBeanMethods = false)
final class OpenApiConfiguration {

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Actor.class);
    }

    @Bean
    OpenAPI mercatoOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Mercato API").version("v1")
                        .description("A multi-merchant marketplace: accounts, stores, catalog, stock, checkout, "
                                + "orders, escrow and the ledger. Log in with POST /api/v1/sessions and send "
                                + "'Authorization: Bearer <token>'. Every creating POST accepts an Idempotency-Key.")
                        .license(new License().name("Apache-2.0")))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }

    /** No account holds {@link Role#SYSTEM}, so the document offers only the roles an account can have. */
    @Bean
    OpenApiCustomizer accountRolesOnly() {
        return openApi -> {
            if (openApi.getComponents() != null && openApi.getComponents().getSchemas() != null) {
                openApi.getComponents().getSchemas().values().forEach(OpenApiConfiguration::withoutSystemRole);
            }
        };
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void withoutSystemRole(Schema schema) {
        List<?> values = schema.getEnum();
        List<String> roles = Arrays.stream(Role.values()).map(Role::name).toList();
        if (values != null && values.containsAll(roles)) {
            schema.setEnum(values.stream().filter(value -> !Role.SYSTEM.name().equals(value)).toList());
        }
        if (schema.getProperties() != null) {
            for (Object property : schema.getProperties().values()) {
                withoutSystemRole((Schema) property);
            }
        }
        if (schema.getItems() != null) {
            withoutSystemRole(schema.getItems());
        }
    }
}
