package io.mercato.http.internal;

import io.mercato.http.Wording;
import io.mercato.platform.ConflictException;
import io.mercato.platform.InvalidInputException;
import io.mercato.platform.Text;
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
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Makes every API POST that carries an {@code Idempotency-Key} safe to retry: the first request's response
 * is stored, a retry with the same key and body gets that response again, and the same key with a
 * different request is a 409. Keys are scoped to the caller, so two users cannot collide.
 *
 * <p>The key's claim, the request's own changes and its stored response are one database transaction, which
 * the request's use cases join. So whatever happens (a crash, a refused request, a lost connection) a retry
 * finds either the committed result, which it replays, or nothing, and then runs once. A retry that arrives
 * while the first attempt is still running waits on the key's row for up to {@link #WAIT} and then replays
 * its result, or gets a 409 "in progress". A refusal (4xx) is replayed as well; a server error releases the
 * key.
 */
@Component
final class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    /**
     * Flash-sale attempts keep their own key (the claim's unique attempt key: a retry gets the claim it won) and wait
     * for their admission group; holding a connection and transaction here while they wait would let a crowd of
     * keyed attempts take the whole pool from the group that answers them.
     */
    private static final java.util.regex.Pattern SELF_KEYED = java.util.regex.Pattern.compile("/api/v1/flash-sales/[^/]+/attempts");
    /** How long a retry waits for the attempt that holds its key before answering 409. */
    static final Duration WAIT = Duration.ofSeconds(10);
    /** Keys claimed before claims and results shared a transaction may still say PENDING; they expire. */
    private static final Duration STALE_PENDING = Duration.ofMinutes(5);
    private static final String LOCK_NOT_AVAILABLE = "55P03";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final PlatformTransactionManager transactions;
    private final Wording wording;

    IdempotencyFilter(JdbcClient jdbc, Clock clock, PlatformTransactionManager transactions, Wording wording) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.transactions = transactions;
        this.wording = wording;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null
                || !request.getRequestURI().startsWith("/api/") || SELF_KEYED.matcher(request.getRequestURI()).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER).strip();
        if (key.isEmpty() || key.length() > 200) {
            wording.write(request, response, new InvalidInputException(HEADER,
                    Text.of("http.idempotencyKeyMustCharactersGot", key.length())));
            return;
        }
        byte[] body = request.getInputStream().readAllBytes();
        String owner = owner();
        String fingerprint = fingerprint(request, body);

        TransactionStatus transaction = transactions.getTransaction(TransactionDefinition.withDefaults());
        ContentCachingResponseWrapper wrapped = new ContentCachingResponseWrapper(response);
        try {
            if (!claim(owner, key, fingerprint)) {
                transactions.rollback(transaction);
                answerFromEarlierAttempt(owner, key, fingerprint, request, response);
                return;
            }
            chain.doFilter(new CachedBodyRequest(request, body), wrapped);
            finish(transaction, wrapped, owner, key, fingerprint, request);
        } catch (DataAccessException e) {
            if (!transaction.isCompleted()) {
                transactions.rollback(transaction);
            }
            if (!LOCK_NOT_AVAILABLE.equals(sqlState(e))) {
                throw e;
            }
            wording.write(request, response, HttpStatus.CONFLICT.value(), "Request in progress",
                    Text.of("http.idempotency.inProgress", key));
            return;
        } finally {
            if (!transaction.isCompleted()) {
                transactions.rollback(transaction);
            }
        }
        wrapped.copyBodyToResponse();
    }

    /**
     * Claims the key in the open transaction. When another attempt holds it uncommitted, this waits (at most
     * {@link #WAIT}) for that attempt to commit or roll back. The bound is set by the claiming statement itself
     * ({@code set_config(…, true)}: no round trip of its own) and holds for the rest of the transaction, so no
     * statement of a keyed request waits longer than that for a lock.
     *
     * @return whether this request runs; false when an earlier attempt's result (or a leftover claim) is there
     */
    private boolean claim(String owner, String key, String fingerprint) {
        int claimed = jdbc.sql("""
                WITH bound AS (SELECT set_config('lock_timeout', ?, true))
                INSERT INTO http.idempotency_keys (owner, idem_key, fingerprint, state, created_at)
                SELECT ?, ?, ?, 'PENDING', ? FROM bound ON CONFLICT DO NOTHING""")
                .params(WAIT.toMillis() + "ms", owner, key, fingerprint, Timestamp.from(clock.instant())).update();
        if (claimed == 0) {
            // A claim left PENDING by a version that committed claims on their own: after a while, run again.
            claimed = jdbc.sql("""
                    UPDATE http.idempotency_keys SET created_at = ? WHERE owner = ? AND idem_key = ?
                      AND fingerprint = ? AND state = 'PENDING' AND created_at < ?""")
                    .params(Timestamp.from(clock.instant()), owner, key, fingerprint,
                            Timestamp.from(clock.instant().minus(STALE_PENDING)))
                    .update();
        }
        return claimed == 1;
    }

    /**
     * Stores the response with the request's changes and commits them together. A refusal whose use case
     * rolled back is stored on its own; a server error stores nothing, so a retry runs again.
     */
    private void finish(TransactionStatus transaction, ContentCachingResponseWrapper wrapped, String owner, String key,
            String fingerprint, HttpServletRequest request) throws IOException {
        int status = wrapped.getStatus();
        if (status >= 500) {
            transactions.rollback(transaction);
            return;
        }
        if (transaction.isRollbackOnly()) {
            transactions.rollback(transaction);
            if (status < 400) {
                // The use case's work was undone under a success answer: say so rather than acknowledge it.
                fail(wrapped, key, request);
                return;
            }
            new TransactionTemplate(transactions).executeWithoutResult(refusal -> {
                jdbc.sql("""
                        INSERT INTO http.idempotency_keys (owner, idem_key, fingerprint, state, created_at)
                        VALUES (?, ?, ?, 'PENDING', ?) ON CONFLICT DO NOTHING""")
                        .params(owner, key, fingerprint, Timestamp.from(clock.instant())).update();
                store(wrapped, owner, key);
            });
            return;
        }
        store(wrapped, owner, key);
        try {
            transactions.commit(transaction);
        } catch (TransactionException e) {
            logger.warn("Request with Idempotency-Key '" + key + "' could not commit", e);
            fail(wrapped, key, request);
        }
    }

    private void store(ContentCachingResponseWrapper wrapped, String owner, String key) {
        jdbc.sql("""
                UPDATE http.idempotency_keys SET state = 'DONE', status = ?, content_type = ?, body = ?
                WHERE owner = ? AND idem_key = ?""")
                .params(wrapped.getStatus(), wrapped.getContentType(), wrapped.getContentAsByteArray(), owner, key)
                .update();
    }

    private void fail(ContentCachingResponseWrapper wrapped, String key, HttpServletRequest request) throws IOException {
        wrapped.resetBuffer();
        wording.write(request, wrapped, HttpStatus.SERVICE_UNAVAILABLE.value(), "Not done",
                Text.of("http.idempotency.notDone", key));
    }

    /** Answers from what an earlier attempt with this key left: its result, or why this one cannot run. */
    private void answerFromEarlierAttempt(String owner, String key, String fingerprint, HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        Optional<Stored> stored = jdbc.sql("""
                SELECT fingerprint, state, status, content_type, body FROM http.idempotency_keys
                WHERE owner = ? AND idem_key = ?""")
                .params(owner, key)
                .query((rs, n) -> new Stored(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                        rs.getBytes(5)))
                .optional();
        if (stored.isEmpty()) {
            wording.write(request, response, new ConflictException(
                    Text.of("http.requestIdempotencyKeyHasJust", key)));
            return;
        }
        Stored previous = stored.get();
        if (!previous.fingerprint().equals(fingerprint)) {
            wording.write(request, response, HttpStatus.CONFLICT.value(), "Idempotency key reused",
                    Text.of("http.idempotency.reused", key));
            return;
        }
        if ("PENDING".equals(previous.state())) {
            wording.write(request, response, HttpStatus.CONFLICT.value(), "Request in progress",
                    Text.of("http.idempotency.inProgress", key));
            return;
        }
        response.setStatus(previous.status());
        if (previous.contentType() != null) {
            response.setContentType(previous.contentType());
        }
        response.setHeader("Idempotent-Replayed", "true");
        if (previous.body() != null) {
            response.getOutputStream().write(previous.body());
        }
    }

    private static @Nullable String sqlState(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return sql.getSQLState();
            }
        }
        return null;
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

    private record Stored(String fingerprint, String state, int status, @Nullable String contentType,
            byte @Nullable [] body) {
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
