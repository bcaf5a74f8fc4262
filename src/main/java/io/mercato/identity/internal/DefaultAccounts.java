package io.mercato.identity.internal;

import io.mercato.identity.Account;
import io.mercato.identity.AccountRegistered;
import io.mercato.identity.Accounts;
import io.mercato.identity.Session;
import io.mercato.platform.Actor;
import io.mercato.platform.ConflictException;
import io.mercato.platform.Text;
import io.mercato.platform.InvalidInputException;
import io.mercato.platform.Role;
import io.mercato.platform.TooManyRequestsException;
import io.mercato.platform.UnauthorizedException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class DefaultAccounts implements Accounts {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]{1,255}\\.[^@\\s]{2,}$");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final Clock clock;
    private final IdentityProperties properties;
    private final ApplicationEventPublisher events;
    private final VerifiedTokens tokens;

    DefaultAccounts(JdbcClient jdbc, PasswordEncoder passwords, Clock clock, IdentityProperties properties,
            ApplicationEventPublisher events, VerifiedTokens tokens) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.clock = clock;
        this.properties = properties;
        this.events = events;
        this.tokens = tokens;
    }

    @Override
    @Transactional
    public Account register(String email, String password, String displayName, Role role) {
        if (role == Role.OPERATOR) {
            throw new InvalidInputException("role", Text.of("identity.operatorsCannotRegisterTheyConfigured"));
        }
        return create(email, password, displayName, role);
    }

    @Override
    @Transactional
    public Account importAccount(String email, String passwordHash, String displayName, Role role) {
        if (role == Role.OPERATOR) {
            throw new InvalidInputException("role", Text.of("identity.operatorsCannotRegisterTheyConfigured"));
        }
        check(email, role);
        if (!importable(passwordHash)) {
            throw new InvalidInputException("passwordHash", Text.of("identity.passwordHash.malformed",
                    IMPORTED_HASH_MAX_MEMORY_KIB, IMPORTED_HASH_MAX_ITERATIONS, IMPORTED_HASH_MAX_PARALLELISM));
        }
        checkName(displayName);
        return insert(email, passwordHash, displayName, role);
    }

    /** {@code $argon2id$v=19$m=<KiB>,t=<iterations>,p=<lanes>$<salt>$<hash>}, salt and hash in unpadded Base64. */
    private static final Pattern ARGON2ID = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=([0-9]{1,9}),t=([0-9]{1,4}),p=([0-9]{1,4})\\$([A-Za-z0-9+/]{11,88})\\$([A-Za-z0-9+/]{22,344})");

    /** Whether the text is an encoded Argon2id hash whose cost a login can bear (and Spring Security can decode). */
    static boolean importable(String hash) {
        if (hash == null) {
            return false;
        }
        java.util.regex.Matcher m = ARGON2ID.matcher(hash);
        if (!m.matches()) {
            return false;
        }
        int memory = Integer.parseInt(m.group(1));
        int iterations = Integer.parseInt(m.group(2));
        int lanes = Integer.parseInt(m.group(3));
        if (lanes < 1 || lanes > IMPORTED_HASH_MAX_PARALLELISM || iterations < 1
                || iterations > IMPORTED_HASH_MAX_ITERATIONS || memory < 8 * lanes || memory > IMPORTED_HASH_MAX_MEMORY_KIB) {
            return false;
        }
        try {
            java.util.Base64.Decoder decoder = java.util.Base64.getDecoder();
            return decoder.decode(m.group(4)).length >= 8 && decoder.decode(m.group(5)).length >= 16;
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }

    Account create(String email, String password, String displayName, Role role) {
        // The rules are checked in this order (role, email, password, name) before the hash, the dear part, is computed.
        check(email, role);
        if (password == null || password.length() < 8 || password.length() > 128) {
            throw new InvalidInputException("password", Text.of("identity.passwordMustCharacters"));
        }
        checkName(displayName);
        return insert(email, passwords.encode(password), displayName, role);
    }

    private static void check(String email, Role role) {
        if (role == Role.SYSTEM) {
            throw new InvalidInputException("role", Text.of("identity.systemPlatformSOwnRole"));
        }
        if (!EMAIL.matcher(normalize(email)).matches()) {
            throw new InvalidInputException("email", Text.of("identity.notEmailAddress", email));
        }
    }

    private static void checkName(String displayName) {
        if (displayName == null || displayName.isBlank() || displayName.length() > 100) {
            throw new InvalidInputException("displayName", Text.of("identity.displayNameMustCharacters"));
        }
    }

    /** Stores an account whose email, role and name were checked, with its encoded password hash. */
    private Account insert(String email, String passwordHash, String displayName, Role role) {
        String normalized = normalize(email);
        Instant now = clock.instant();
        Optional<Long> id = jdbc.sql("""
                INSERT INTO identity.accounts (email, password_hash, display_name, role, created_at)
                VALUES (?, ?, ?, ?, ?) ON CONFLICT (email) DO NOTHING RETURNING id""")
                .params(normalized, passwordHash, displayName.strip(), role.name(), Timestamp.from(now))
                .query(Long.class).optional();
        if (id.isEmpty()) {
            throw new ConflictException(Text.of("identity.email.taken", normalized));
        }
        events.publishEvent(new AccountRegistered(id.get(), role));
        return new Account(id.get(), normalized, displayName.strip(), role, now);
    }

    @Override
    public Session logIn(String email, String password, String address) {
        Account account = verifyPassword(email, password, address);
        Instant now = clock.instant();
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant expires = now.plus(properties.tokenLifetime());
        jdbc.sql("INSERT INTO identity.tokens (token_hash, account_id, created_at, expires_at) VALUES (?, ?, ?, ?)")
                .params(hash(token), account.id(), Timestamp.from(now), Timestamp.from(expires)).update();
        return new Session(token, expires, account);
    }

    @Override
    public Account verifyPassword(String email, String password, String address) {
        String normalized = normalize(email);
        Instant now = clock.instant();
        Timestamp since = Timestamp.from(now.minus(properties.loginWindow()));
        int byAccount = jdbc.sql("SELECT count(*) FROM identity.login_failures WHERE email = ? AND at > ?")
                .params(normalized, since).query(Integer.class).single();
        int byAddress = jdbc.sql("SELECT count(*) FROM identity.login_failures WHERE address = ? AND at > ?")
                .params(address, since).query(Integer.class).single();
        if (byAccount >= properties.maxFailuresPerAccount() || byAddress >= properties.maxFailuresPerAddress()) {
            throw new TooManyRequestsException(Text.of("identity.tooManyFailedLoginsAccount", properties.loginWindow().toMinutes()));
        }
        Optional<StoredAccount> stored = jdbc.sql("""
                SELECT id, email, display_name, role, created_at, password_hash FROM identity.accounts WHERE email = ?""")
                .param(normalized).query((rs, n) -> new StoredAccount(account(rs), rs.getString("password_hash")))
                .optional();
        if (stored.isEmpty() || !passwords.matches(password == null ? "" : password, stored.get().passwordHash())) {
            jdbc.sql("INSERT INTO identity.login_failures (email, address, at) VALUES (?, ?, ?)")
                    .params(normalized, address, Timestamp.from(now)).update();
            throw new UnauthorizedException(Text.of("identity.emailPasswordWrong"));
        }
        jdbc.sql("DELETE FROM identity.login_failures WHERE email = ?").param(normalized).update();
        return stored.get().account();
    }

    @Override
    public Map<LocalDate, Long> registrationsPerDay(Role role, LocalDate from, LocalDate to, ZoneId zone) {
        Map<LocalDate, Long> perDay = new TreeMap<>();
        jdbc.sql("""
                SELECT (created_at AT TIME ZONE ?)::date AS day, count(*) FROM identity.accounts
                WHERE role = ? AND created_at >= ? AND created_at < ? GROUP BY 1""")
                .params(zone.getId(), role.name(), Timestamp.from(from.atStartOfDay(zone).toInstant()),
                        Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant()))
                .query((rs, n) -> perDay.put(rs.getObject(1, LocalDate.class), rs.getLong(2))).list();
        return perDay;
    }

    /** Deletes the token and, in the same transaction, tells every instance to stop trusting it. */
    @Override
    @Transactional
    public void logOut(String token) {
        String tokenHash = hash(token);
        jdbc.sql("DELETE FROM identity.tokens WHERE token_hash = ?").param(tokenHash).update();
        tokens.revoked(tokenHash);
    }

    /**
     * The actor a bearer token stands for, if the token is known and unexpired: from the tokens verified lately
     * (see {@link VerifiedTokens}), or else from the database.
     */
    Optional<Actor> authenticate(String token) {
        return tokens.actor(hash(token), tokenHash -> jdbc.sql("""
                SELECT a.id, a.role, t.expires_at FROM identity.tokens t JOIN identity.accounts a ON a.id = t.account_id
                WHERE t.token_hash = ? AND t.expires_at > ?""")
                .params(tokenHash, Timestamp.from(clock.instant()))
                .query((rs, n) -> new VerifiedTokens.Verified(new Actor(rs.getLong(1), Role.valueOf(rs.getString(2))),
                        rs.getTimestamp(3).toInstant()))
                .optional());
    }

    @Override
    public Optional<Account> find(long accountId) {
        return jdbc.sql("SELECT id, email, display_name, role, created_at FROM identity.accounts WHERE id = ?")
                .param(accountId).query((rs, n) -> account(rs)).optional();
    }

    @Override
    public Optional<Account> findByEmail(String email) {
        return jdbc.sql("SELECT id, email, display_name, role, created_at FROM identity.accounts WHERE email = ?")
                .param(normalize(email)).query((rs, n) -> account(rs)).optional();
    }

    @Override
    public Found list(Role role, @org.jspecify.annotations.Nullable String text, int page, int size) {
        int limit = Math.max(1, Math.min(size, 100));
        int from = Math.max(0, Math.min(page, 100_000));
        String wanted = text == null ? "" : text.strip();
        String pattern = wanted.isEmpty() ? null
                : "%" + wanted.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        String where = """
                 WHERE role = :role AND (CAST(:pattern AS TEXT) IS NULL OR email ILIKE :pattern
                  OR display_name ILIKE :pattern OR CAST(id AS TEXT) = :text)""";
        long total = jdbc.sql("SELECT count(*) FROM identity.accounts " + where).param("role", role.name())
                .param("pattern", pattern, java.sql.Types.VARCHAR).param("text", wanted).query(Long.class).single();
        java.util.List<Account> items = jdbc.sql("SELECT id, email, display_name, role, created_at FROM identity.accounts "
                        + where + " ORDER BY id DESC LIMIT :limit OFFSET :offset")
                .param("role", role.name()).param("pattern", pattern, java.sql.Types.VARCHAR).param("text", wanted)
                .param("limit", limit).param("offset", (long) from * limit)
                .query((rs, n) -> account(rs)).list();
        return new Found(items, from, limit, total);
    }

    @Override
    public java.util.List<Account> operators() {
        return jdbc.sql("SELECT id, email, display_name, role, created_at FROM identity.accounts WHERE role = 'OPERATOR' ORDER BY id")
                .query((rs, n) -> account(rs)).list();
    }

    private static Account account(ResultSet rs) throws SQLException {
        return new Account(rs.getLong("id"), rs.getString("email"), rs.getString("display_name"),
                Role.valueOf(rs.getString("role")), rs.getTimestamp("created_at").toInstant());
    }

    private static String normalize(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record StoredAccount(Account account, String passwordHash) {
    }
}
