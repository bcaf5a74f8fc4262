package io.mercato.http.internal;

import io.mercato.http.HttpProblems;
import io.mercato.platform.ConflictException;
import io.mercato.platform.InvalidInputException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Makes every API POST that carries an {@code Idempotency-Key} safe to retry: the first request's response
 * is stored, a retry with the same key and body gets that response again, and the same key with a
 * different request is a 409. Keys are scoped to the caller, so two users cannot collide. A request still
 * in flight holds its key, so concurrent retries cannot both run. Server errors release the key.
 */
@Component
final class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    private static final Duration STALE_PENDING = Duration.ofMinutes(5);

    private final JdbcClient jdbc;
    private final Clock clock;

    IdempotencyFilter(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null
                || !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER).strip();
        if (key.isEmpty() || key.length() > 200) {
            HttpProblems.write(response, new InvalidInputException(HEADER,
                    "Idempotency-Key must be 1 to 200 characters, got " + key.length()));
            return;
        }
        byte[] body = request.getInputStream().readAllBytes();
        String owner = owner();
        String fingerprint = fingerprint(request, body);
        Instant now = clock.instant();

        int claimed = jdbc.sql("""
                INSERT INTO http.idempotency_keys (owner, idem_key, fingerprint, state, created_at)
                VALUES (?, ?, ?, 'PENDING', ?) ON CONFLICT DO NOTHING""")
                .params(owner, key, fingerprint, java.sql.Timestamp.from(now)).update();
        if (claimed == 0) {
            Optional<Stored> stored = jdbc.sql("""
                    SELECT fingerprint, state, status, content_type, body, created_at
                    FROM http.idempotency_keys WHERE owner = ? AND idem_key = ?""")
                    .params(owner, key)
                    .query((rs, n) -> new Stored(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                            rs.getBytes(5), rs.getTimestamp(6).toInstant()))
                    .optional();
            if (stored.isEmpty()) {
                HttpProblems.write(response, new ConflictException(
                        "A request with Idempotency-Key '" + key + "' has just finished; retry it"));
                return;
            }
            Stored previous = stored.get();
            if (!previous.fingerprint().equals(fingerprint)) {
                HttpProblems.write(response, HttpStatus.CONFLICT.value(), "Idempotency key reused",
                        "Idempotency-Key '" + key + "' was already used for a different request; use a new key");
                return;
            }
            if ("PENDING".equals(previous.state())) {
                if (previous.createdAt().plus(STALE_PENDING).isAfter(now)) {
                    HttpProblems.write(response, HttpStatus.CONFLICT.value(), "Request in progress",
                            "A request with Idempotency-Key '" + key + "' is still being processed; retry shortly");
                    return;
                }
                jdbc.sql("UPDATE http.idempotency_keys SET created_at = ? WHERE owner = ? AND idem_key = ?")
                        .params(java.sql.Timestamp.from(now), owner, key).update();
            } else {
                response.setStatus(previous.status());
                if (previous.contentType() != null) {
                    response.setContentType(previous.contentType());
                }
                response.setHeader("Idempotent-Replayed", "true");
                if (previous.body() != null) {
                    response.getOutputStream().write(previous.body());
                }
                return;
            }
        }

        ContentCachingResponseWrapper wrapped = new ContentCachingResponseWrapper(response);
        boolean stored = false;
        try {
            chain.doFilter(new CachedBodyRequest(request, body), wrapped);
            if (wrapped.getStatus() < 500) {
                jdbc.sql("""
                        UPDATE http.idempotency_keys SET state = 'DONE', status = ?, content_type = ?, body = ?
                        WHERE owner = ? AND idem_key = ?""")
                        .params(wrapped.getStatus(), wrapped.getContentType(), wrapped.getContentAsByteArray(), owner, key)
                        .update();
                stored = true;
            }
        } finally {
            if (!stored) {
                jdbc.sql("DELETE FROM http.idempotency_keys WHERE owner = ? AND idem_key = ?").params(owner, key).update();
            }
            wrapped.copyBodyToResponse();
        }
    }

    private static String owner() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null || !authentication.isAuthenticated() ? "anonymous" : authentication.getName();
    }

    private static String fingerprint(HttpServletRequest request, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(request.getRequestURI().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(body);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Stored(String fingerprint, String state, int status, String contentType, byte[] body,
            Instant createdAt) {
    }

    /** Lets the controller read a body this filter has already consumed. */
    private static final class CachedBodyRequest extends HttpServletRequestWrapper {

        private final byte[] body;

        CachedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}
