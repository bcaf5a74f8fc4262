package io.mercato.identity.internal;

import io.mercato.http.Wording;
import io.mercato.platform.Actor;
import io.mercato.platform.ForbiddenException;
import io.mercato.platform.Text;
import io.mercato.platform.UnauthorizedException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

/**
 * The API is stateless: every request carries a bearer token. Catalog browsing and account creation are
 * open; everything else needs a login, and each module checks that the caller owns what it touches.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    PasswordEncoder passwordEncoder() {
        return Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http, DefaultAccounts accounts, Wording wording) throws Exception {
        http.securityMatcher("/api/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Stateless with a bearer token: no logout URL, no saved request to go back to after a login page,
                // no servlet API wrapper (nothing here asks the request for its principal). Fewer filters per call.
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .servletApi(servletApi -> servletApi.disable())
                .addFilterBefore(new BearerTokenFilter(accounts), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.POST, "/api/v1/accounts", "/api/v1/sessions").permitAll()
                        // Carriers sign their tracking events instead of logging in; fulfillment checks the signature.
                        .requestMatchers(HttpMethod.POST, "/api/v1/carriers/*/events", "/api/v1/carriers/*/event-batches").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/categories/**", "/api/v1/brands/**",
                                "/api/v1/products/**", "/api/v1/stores/**", "/api/v1/search/**", "/api/v1/ads/serve",
                                "/api/v1/pricing/display-prices", "/api/v1/pricing/coupon-pools",
                                "/api/v1/festivals/**", "/api/v1/presale-offers/**", "/api/v1/fulfillment/promise",
                                "/api/v1/fx/rates", "/api/v1/fx/rates/*", "/api/v1/fx/conversion", "/api/v1/tax/**", "/api/v1/regions/**",
                                "/api/v1/flash-sales", "/api/v1/flash-sales/*").permitAll()
                        .anyRequest().authenticated())
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> wording.write(request, response, new UnauthorizedException(
                                Text.of("identity.logFirstSendAuthorizationBearer"))))
                        .accessDeniedHandler((request, response, e) -> wording.write(request, response,
                                new ForbiddenException(Text.of("identity.yourAccountMayNotDo")))));
        return http.build();
    }

    /**
     * The management endpoints ({@code /actuator}, also on a separate management port): stateless like the API, with
     * an operator's bearer token. Only the endpoints listed in {@code mercato.management.public-endpoints} (by
     * default health, for probes) answer anyone; metrics, Prometheus and info tell business figures and internals.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain management(HttpSecurity http, DefaultAccounts accounts, ManagementAccessProperties access,
            Wording wording)
            throws Exception {
        String[] open = access.publicEndpoints().stream().map(String::strip).filter(id -> !id.isEmpty())
                .toArray(String[]::new);
        http.securityMatcher(EndpointRequest.toAnyEndpoint())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new BearerTokenFilter(accounts), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> {
                    if (open.length > 0) {
                        auth.requestMatchers(EndpointRequest.to(open)).permitAll();
                    }
                    auth.anyRequest().hasRole("OPERATOR");
                })
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> wording.write(request, response, new UnauthorizedException(
                                Text.of("identity.managementEndpointsOperatorsSendAuthorization"))))
                        .accessDeniedHandler((request, response, e) -> wording.write(request, response,
                                new ForbiddenException(Text.of("identity.managementEndpointsOperatorsYourAccount")))));
        return http.build();
    }

    /**
     * The pages: a session per logged-in person, a login form, CSRF tokens on every form. The shop is open for
     * browsing; the cart, orders and wallet are the buyer's, the seller centre the seller's and the console the
     * operator's. A signed-in person on a page they may not see gets the 403 page, an anonymous one the login.
     */
    @Bean
    SecurityFilterChain site(HttpSecurity http, DefaultAccounts accounts) throws Exception {
        http.authenticationProvider(new PasswordAuthenticationProvider(accounts))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/seller", "/seller/**").hasRole("SELLER")
                        .requestMatchers("/ops", "/ops/**").hasRole("OPERATOR")
                        .requestMatchers("/cart", "/cart/**", "/checkout", "/checkout/**", "/orders", "/orders/**",
                                "/wallet", "/wallet/**", "/coupons", "/coupons/**", "/presales", "/presales/**",
                                "/membership", "/membership/**", "/addresses", "/addresses/**", "/disputes", "/disputes/**",
                                "/favourites", "/favourites/**")
                        .hasRole("BUYER")
                        .anyRequest().permitAll())
                .formLogin(form -> form.loginPage("/login").permitAll().successHandler(new LandingPageHandler()))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/"));
        return http.build();
    }

    /**
     * No observations of the security filter chain: wrapping each of its filters in an observation cost every request
     * more CPU than the filters themselves, and told nothing that the request's own metrics (http.server.requests)
     * do not.
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /** After login: back to the page that asked for it, or else to the role's home. */
    private static final class LandingPageHandler extends SavedRequestAwareAuthenticationSuccessHandler {

        @Override
        protected String determineTargetUrl(HttpServletRequest request, HttpServletResponse response) {
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            if (authentication != null && authentication.getPrincipal() instanceof Actor actor) {
                return switch (actor.role()) {
                    case SELLER -> "/seller";
                    case OPERATOR -> "/ops";
                    case BUYER, SYSTEM -> "/"; // no account holds SYSTEM, so it never logs in
                };
            }
            return "/";
        }
    }
}
