package io.mercato.overload.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.mercato.http.CurrentActor;
import io.mercato.http.HttpProblems;
import io.mercato.http.Wording;
import io.mercato.platform.Text;
import io.mercato.platform.TooManyRequestsException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Runs after the security chain (so the caller is known) and before any filter that takes a database connection:
 * a refused request costs no connection and no transaction. Three guards, cheapest first, all Resilience4j:
 * the caller's rate limiter for the kind of request, the kind's circuit breaker on slow calls (open: the kind is shed
 * for a moment), and the kind's bulkhead (at most so many in flight; a short wait, then refused). Browsing, checkout,
 * flash-sale attempts, carriers' tracking feeds and other writes are separate kinds, so a flash sale that saturates
 * its own bulkhead leaves browsing its own, and a carrier's feed (anonymous, signed per event) has a budget of its own
 * rather than an anonymous caller's.
 */
@Component
final class OverloadFilter extends OncePerRequestFilter implements Ordered {

    enum Kind { BROWSE, CHECKOUT, FLASH, CARRIER, WRITE }

    private final OverloadProperties properties;
    private final Wording wording;
    private final Map<Kind, Bulkhead> bulkheads = new EnumMap<>(Kind.class);
    private final Map<Kind, CircuitBreaker> breakers = new EnumMap<>(Kind.class);
    private final Cache<String, RateLimiter> limiters = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(2)).maximumSize(500_000).build();

    OverloadFilter(OverloadProperties properties, Wording wording) {
        this.properties = properties;
        this.wording = wording;
        for (Kind kind : Kind.values()) {
            int inFlight = switch (kind) {
                case BROWSE -> properties.browseInFlight();
                case CHECKOUT -> properties.checkoutInFlight();
                case FLASH -> properties.flashInFlight();
                case CARRIER -> properties.carrierInFlight();
                case WRITE -> properties.writeInFlight();
            };
            bulkheads.put(kind, Bulkhead.of("http-" + kind, BulkheadConfig.custom().maxConcurrentCalls(inFlight)
                    .maxWaitDuration(Duration.ofMillis(20)).build()));
            breakers.put(kind, CircuitBreaker.of("http-" + kind, CircuitBreakerConfig.custom()
                    .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                    .slidingWindowSize(properties.window()).minimumNumberOfCalls(properties.window())
                    .slowCallDurationThreshold(properties.slowCall()).slowCallRateThreshold(properties.slowShare())
                    // Only latency sheds: errors are the callers' business (a 409 is an answer, not a fault).
                    .failureRateThreshold(100).ignoreExceptions(Throwable.class)
                    .waitDurationInOpenState(properties.shedFor()).permittedNumberOfCallsInHalfOpenState(10)
                    .build()));
        }
    }

    @Override
    public int getOrder() {
        // Right after Spring Security's chain, before the idempotency filter (which opens a transaction).
        return SecurityFilterProperties.DEFAULT_FILTER_ORDER + 1;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !properties.enabled() || path.startsWith("/actuator") || path.startsWith("/webjars/")
                || path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/images/")
                || path.startsWith("/media/") || path.equals("/favicon.ico");
    }

    static Kind kind(HttpServletRequest request) {
        String method = request.getMethod();
        if ("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method)) {
            return Kind.BROWSE;
        }
        String path = request.getRequestURI();
        if (path.contains("/flash-sales/") && path.endsWith("/attempts")) {
            return Kind.FLASH;
        }
        if (carrierCode(path) != null) {
            return Kind.CARRIER;
        }
        if (path.startsWith("/api/v1/checkouts") || path.endsWith("/payment") || path.startsWith("/checkout")) {
            return Kind.CHECKOUT;
        }
        return Kind.WRITE;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Kind kind = kind(request);
        if (!limiter(kind, request).acquirePermission()) {
            refuse(response, "overload.rate", 1);
            return;
        }
        CircuitBreaker breaker = breakers.get(kind);
        if (!breaker.tryAcquirePermission()) {
            refuse(response, "overload.shed", Math.max(1, properties.shedFor().toSeconds()));
            return;
        }
        Bulkhead bulkhead = bulkheads.get(kind);
        if (!bulkhead.tryAcquirePermission()) {
            breaker.releasePermission();
            refuse(response, "overload.busy", 1);
            return;
        }
        long started = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            bulkhead.onComplete();
            breaker.onSuccess(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        }
    }

    /**
     * The carrier's code when the path is a carrier's tracking feed ({@code /api/v1/carriers/{code}/events} or
     * {@code …/event-batches}).
     */
    private static String carrierCode(String path) {
        String prefix = "/api/v1/carriers/";
        String suffix = path.endsWith("/events") ? "/events" : path.endsWith("/event-batches") ? "/event-batches" : null;
        if (!path.startsWith(prefix) || suffix == null) {
            return null;
        }
        String code = path.substring(prefix.length(), path.length() - suffix.length());
        return code.isEmpty() || code.contains("/") ? null : code;
    }

    /**
     * The rate limiter of the request's bucket: a carrier's feed per carrier code and sending address; everything else
     * per client (the signed-in account, else the address with a larger allowance), checkout and other writes sharing
     * one budget, browsing and flash-sale attempts each their own.
     */
    private RateLimiter limiter(Kind kind, HttpServletRequest request) {
        String bucket;
        int limit;
        if (kind == Kind.CARRIER) {
            bucket = "CARRIER:" + carrierCode(request.getRequestURI()) + "@" + request.getRemoteAddr();
            limit = properties.carrierEventsPerSecond();
        } else {
            var actor = CurrentActor.find();
            int perSecond = switch (kind) {
                case BROWSE -> properties.readsPerClient();
                case FLASH -> properties.attemptsPerClient();
                default -> properties.writesPerClient();
            };
            String client = actor.map(a -> "a" + a.accountId()).orElseGet(() -> "ip" + request.getRemoteAddr());
            bucket = (kind == Kind.CHECKOUT ? Kind.WRITE : kind) + ":" + client;
            limit = actor.isPresent() ? perSecond : perSecond * properties.anonymousFactor();
        }
        int perPeriod = limit;
        return limiters.get(bucket, name -> RateLimiter.of(name, RateLimiterConfig.custom()
                .limitForPeriod(perPeriod).limitRefreshPeriod(Duration.ofSeconds(1)).timeoutDuration(Duration.ZERO)
                .build()));
    }

    private void refuse(HttpServletResponse response, String key, long retryAfterSeconds) throws IOException {
        TooManyRequestsException refusal = new TooManyRequestsException(Text.of(key, retryAfterSeconds));
        response.setHeader("Retry-After", String.valueOf(retryAfterSeconds));
        HttpProblems.write(response, HttpProblems.status(refusal).value(), HttpProblems.title(refusal), wording.of(refusal));
    }
}
