package io.mercato.overload.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.mercato.http.Wording;
import io.mercato.platform.Actor;
import io.mercato.platform.Role;
import jakarta.servlet.FilterChain;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/** The edge's guards as a caller meets them: quick 429s with Retry-After, in the caller's language, per kind. */
class OverloadFilterTest {

    private static final FilterChain FAST = (request, response) -> { };

    private static OverloadFilter filter(int writesPerClient, int writeInFlight, Duration slowCall, int window) {
        return filter(writesPerClient, writeInFlight, slowCall, window, 20_000);
    }

    private static OverloadFilter filter(int writesPerClient, int writeInFlight, Duration slowCall, int window,
            int carrierEventsPerSecond) {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return new OverloadFilter(new OverloadProperties(true, 1_000, writesPerClient, 10, 5,
                carrierEventsPerSecond, 256, 128, 48, 512,
                writeInFlight, slowCall, 80, window, Duration.ofSeconds(2)), new Wording(messages,
                new org.springframework.beans.factory.support.StaticListableBeanFactory()
                        .getBeanProvider(org.springframework.web.servlet.LocaleResolver.class)));
    }

    private static MockHttpServletResponse call(OverloadFilter filter, String method, String path, FilterChain chain)
            throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, chain);
        return response;
    }

    private static void signIn(long accountId) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                new Actor(accountId, Role.BUYER), null, List.of()));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void aClientOverItsWriteRateIsToldToRetryWhileItsBrowsingAndOtherClientsGoOn() throws Exception {
        OverloadFilter filter = filter(3, 64, Duration.ofSeconds(10), 100);
        signIn(7);
        for (int i = 0; i < 3; i++) {
            assertThat(call(filter, "PUT", "/api/v1/cart/items/1", FAST).getStatus()).isEqualTo(200);
        }
        MockHttpServletResponse refused = call(filter, "POST", "/api/v1/checkouts", FAST);
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("1");
        assertThat(refused.getContentAsString()).contains("Too many requests from you");
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
        assertThat(call(filter, "POST", "/api/v1/checkouts", FAST).getContentAsString()).contains("请求过于频繁");

        assertThat(call(filter, "GET", "/api/v1/products", FAST).getStatus()).as("browsing has its own budget").isEqualTo(200);
        signIn(8);
        assertThat(call(filter, "POST", "/api/v1/checkouts", FAST).getStatus()).as("another buyer").isEqualTo(200);
    }

    @Test
    void aCarriersFeedHasItsOwnBudgetPerCodeAndAddressNotAnAnonymousCallers() throws Exception {
        // Anonymous writes from one address: 2 × 5 per second; the carrier's feed from the same address: 30.
        OverloadFilter filter = filter(2, 64, Duration.ofSeconds(10), 100, 30);
        for (int i = 0; i < 30; i++) {
            assertThat(call(filter, "POST", "/api/v1/carriers/SF/events", FAST).getStatus()).as("event %d", i)
                    .isEqualTo(200);
        }
        assertThat(call(filter, "POST", "/api/v1/carriers/SF/events", FAST).getStatus()).isEqualTo(429);
        assertThat(call(filter, "POST", "/api/v1/carriers/YTO/events", FAST).getStatus()).as("another carrier")
                .isEqualTo(200);
        MockHttpServletRequest stranger = new MockHttpServletRequest("POST", "/api/v1/carriers/SF/events");
        stranger.setRemoteAddr("203.0.113.9");
        MockHttpServletResponse answer = new MockHttpServletResponse();
        filter.doFilter(stranger, answer, FAST);
        assertThat(answer.getStatus()).as("the code posted from elsewhere has a budget of its own").isEqualTo(200);
        for (int i = 0; i < 10; i++) {
            call(filter, "POST", "/api/v1/sessions", FAST);
        }
        assertThat(call(filter, "POST", "/api/v1/sessions", FAST).getStatus())
                .as("other anonymous writes keep the anonymous budget").isEqualTo(429);
    }

    @Test
    void writesBeyondTheBulkheadAreRefusedAtOnceWhileBrowsingIsServed() throws Exception {
        OverloadFilter filter = filter(1_000, 1, Duration.ofSeconds(10), 100);
        signIn(9);
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = Thread.ofPlatform().start(() -> {
            try {
                signIn(10);
                call(filter, "PUT", "/api/v1/cart/items/1", (request, response) -> {
                    inside.countDown();
                    try {
                        release.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
        long started = System.nanoTime();
        MockHttpServletResponse busy = call(filter, "POST", "/api/v1/stores", FAST);
        assertThat(busy.getStatus()).isEqualTo(429);
        assertThat(busy.getContentAsString()).contains("busy");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("refused quickly").isLessThan(Duration.ofSeconds(1));
        assertThat(call(filter, "GET", "/flash-sales", FAST).getStatus()).isEqualTo(200);
        release.countDown();
        assertThat(call(filter, "POST", "/api/v1/checkouts", FAST).getStatus()).as("checkout has its own bulkhead")
                .isEqualTo(200);
        holder.join();
        assertThat(call(filter, "POST", "/api/v1/stores", FAST).getStatus()).isEqualTo(200);
    }

    @Test
    void aKindOfRequestIsShedWhileItsLatencyIsHighAndOthersAreNot() throws Exception {
        OverloadFilter filter = filter(1_000, 64, Duration.ofMillis(5), 5);
        signIn(11);
        FilterChain slow = (request, response) -> {
            try {
                Thread.sleep(15);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        for (int i = 0; i < 5; i++) {
            assertThat(call(filter, "POST", "/api/v1/flash-sales/1/attempts", slow).getStatus()).isEqualTo(200);
        }
        MockHttpServletResponse shed = call(filter, "POST", "/api/v1/flash-sales/1/attempts", FAST);
        assertThat(shed.getStatus()).isEqualTo(429);
        assertThat(shed.getHeader("Retry-After")).isEqualTo("2");
        assertThat(shed.getContentAsString()).contains("answering slowly");
        assertThat(call(filter, "POST", "/api/v1/checkouts", FAST).getStatus()).as("checkout is another kind").isEqualTo(200);
        assertThat(call(filter, "GET", "/api/v1/products", FAST).getStatus()).isEqualTo(200);
    }
}
