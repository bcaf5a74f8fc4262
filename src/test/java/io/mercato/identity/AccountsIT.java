package io.mercato.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.mercato.Api;
import io.mercato.MarketFixture;
import io.mercato.MercatoTest;
import io.mercato.MutableClock;
import io.mercato.platform.Role;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@MercatoTest
class AccountsIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @Autowired
    Accounts accounts;

    MarketFixture market;
    Api api;

    @BeforeEach
    void setUp() {
        market = new MarketFixture(port);
        api = market.anonymous();
    }

    @Test
    void registeredBuyerLogsInAndSeesOnlyThemselves() {
        String email = MarketFixture.uniqueEmail("Buyer");
        Api.Response registered = api.post("/api/v1/accounts",
                Map.of("email", email, "password", "long-enough-1", "displayName", "Han Meimei", "role", "BUYER"));

        assertThat(registered.status()).isEqualTo(201);
        assertThat(registered.json().get("email").asString()).isEqualTo(email.toLowerCase());
        assertThat(registered.body()).doesNotContain("long-enough-1").doesNotContainIgnoringCase("hash");

        Api buyer = market.login(email.toUpperCase(), "long-enough-1");
        Api.Response me = buyer.get("/api/v1/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("role").asString()).isEqualTo("BUYER");
        assertThat(me.json().get("id").asLong()).isEqualTo(registered.id());
    }

    @Test
    void anAccountImportedWithItsArgon2HashLogsInWithItsPasswordOverHttp() {
        String email = MarketFixture.uniqueEmail("Imported");
        String hash = org.springframework.security.crypto.argon2.Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8()
                .encode("hashed-elsewhere-7");

        Account imported = accounts.importAccount(email, hash, "Zhou Xun 周迅", Role.BUYER);

        assertThat(jdbc.sql("SELECT password_hash FROM identity.accounts WHERE id = ?").param(imported.id())
                .query(String.class).single()).as("stored as given").isEqualTo(hash);
        Api buyer = market.login(email, "hashed-elsewhere-7");
        Api.Response me = buyer.get("/api/v1/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("id").asLong()).isEqualTo(imported.id());
        assertThat(me.json().get("role").asString()).isEqualTo("BUYER");
        Api.Response wrong = api.post("/api/v1/sessions", Map.of("email", email, "password", "hashed-elsewhere-8"));
        assertThat(wrong.status()).isEqualTo(401);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> accounts.importAccount(email, hash, "Again", Role.BUYER))
                .isInstanceOf(io.mercato.platform.ConflictException.class);
    }

    @Test
    void aMalformedOrTooDearPasswordHashIsRefusedByFieldAndNothingIsStored() {
        String good = org.springframework.security.crypto.argon2.Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8()
                .encode("hashed-elsewhere-7");
        String[] parts = good.split("\\$");
        java.util.List<String> bad = java.util.Arrays.asList(
                null, "", "hashed-elsewhere-7",
                "$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy",
                good.replace("$argon2id$", "$argon2i$"),
                good.replace("$v=19$", "$v=16$"),
                good.substring(0, good.length() - 30),
                good + "!",
                "$argon2id$v=19$m=4194304,t=2,p=1$" + parts[4] + "$" + parts[5],
                "$argon2id$v=19$m=16384,t=500,p=1$" + parts[4] + "$" + parts[5],
                "$argon2id$v=19$m=16384,t=2,p=0$" + parts[4] + "$" + parts[5]);
        for (String hash : bad) {
            String email = MarketFixture.uniqueEmail("malformed");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> accounts.importAccount(email, hash, "M", Role.SELLER))
                    .as("hash %s", hash)
                    .isInstanceOfSatisfying(io.mercato.platform.InvalidInputException.class,
                            refused -> assertThat(refused.field()).isEqualTo("passwordHash"));
            assertThat(accounts.findByEmail(email)).as("nothing stored for %s", hash).isEmpty();
        }
        String email = MarketFixture.uniqueEmail("operator");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> accounts.importAccount(email, good, "Op", Role.OPERATOR))
                .isInstanceOfSatisfying(io.mercato.platform.InvalidInputException.class,
                        refused -> assertThat(refused.field()).isEqualTo("role"));
        assertThat(accounts.findByEmail(email)).isEmpty();
    }

    @Test
    void aSecondAccountWithTheSameEmailIsRefusedInTheCallersLanguage() {
        String email = MarketFixture.uniqueEmail("twice");
        Map<String, String> body = Map.of("email", email, "password", "long-enough-1", "displayName", "Li Lei", "role", "BUYER");
        assertThat(api.post("/api/v1/accounts", body).status()).isEqualTo(201);

        Api.Response english = api.post("/api/v1/accounts", body);
        Api.Response chinese = api.in("zh-CN").post("/api/v1/accounts", body);

        assertThat(english.status()).isEqualTo(409);
        assertThat(english.json().get("detail").asString())
                .isEqualTo("An account with email '" + email.toLowerCase() + "' already exists; log in instead");
        assertThat(chinese.status()).isEqualTo(409);
        assertThat(chinese.json().get("detail").asString()).isEqualTo("邮箱 " + email.toLowerCase() + " 已注册，请直接登录");
    }

    @Test
    void passwordsAreStoredAsArgon2idHashesAndTokensOnlyAsDigests() {
        String email = MarketFixture.uniqueEmail("hash");
        api.post("/api/v1/accounts", Map.of("email", email, "password", "long-enough-1", "displayName", "H", "role", "SELLER"));
        Api seller = market.login(email, "long-enough-1");

        String hash = jdbc.sql("SELECT password_hash FROM identity.accounts WHERE email = ?").param(email)
                .query(String.class).single();
        assertThat(hash).startsWith("$argon2id$").doesNotContain("long-enough-1");
        long stored = jdbc.sql("SELECT count(*) FROM identity.tokens WHERE token_hash = ?").param(seller.token())
                .query(Long.class).single();
        assertThat(stored).as("the raw token is never stored").isZero();
    }

    @Test
    void duplicateEmailIsAConflictAndOperatorsCannotRegister() {
        String email = MarketFixture.uniqueEmail("dup");
        Map<String, Object> body = Map.of("email", email, "password", "long-enough-1", "displayName", "D", "role", "BUYER");
        assertThat(api.post("/api/v1/accounts", body).status()).isEqualTo(201);

        Api.Response again = api.post("/api/v1/accounts", body);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("detail").asString()).contains(email.toLowerCase());

        Api.Response operator = api.post("/api/v1/accounts",
                Map.of("email", MarketFixture.uniqueEmail("op"), "password", "long-enough-1", "displayName", "O", "role", "OPERATOR"));
        assertThat(operator.status()).isEqualTo(400);
        assertThat(operator.json().get("detail").asString()).contains("Operators");
    }

    @Test
    void nobodyRegistersAsTheSystem() {
        Api.Response system = api.post("/api/v1/accounts",
                Map.of("email", MarketFixture.uniqueEmail("sys"), "password", "long-enough-1", "displayName", "S", "role", "SYSTEM"));

        assertThat(system.status()).as("%s", system).isEqualTo(400);
        assertThat(system.json().get("errors").findValuesAsString("field")).containsExactly("role");
    }

    @Test
    void repeatedWrongPasswordsLockTheAccountForAWhileEvenWithTheRightOne() {
        String email = MarketFixture.uniqueEmail("locked");
        api.post("/api/v1/accounts", Map.of("email", email, "password", "right-password", "displayName", "L", "role", "BUYER"));

        for (int i = 0; i < 5; i++) {
            Api.Response wrong = api.post("/api/v1/sessions", Map.of("email", email, "password", "wrong-password"));
            assertThat(wrong.status()).isEqualTo(401);
        }
        Api.Response locked = api.post("/api/v1/sessions", Map.of("email", email, "password", "right-password"));
        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.json().get("detail").asString()).contains("Too many failed logins");

        clock.advance(Duration.ofMinutes(16));
        assertThat(api.post("/api/v1/sessions", Map.of("email", email, "password", "right-password")).status())
                .as("the lock lifts once the window has passed").isEqualTo(201);
    }

    @Test
    void manyFailedLoginsFromOneAddressBlockItUntilTheWindowPasses() {
        String email = MarketFixture.uniqueEmail("victim");
        api.post("/api/v1/accounts", Map.of("email", email, "password", "right-password", "displayName", "V", "role", "BUYER"));

        // The test configuration allows 40 failures per address in 15 minutes; every test client is 127.0.0.1.
        for (int i = 0; i < 40; i++) {
            api.post("/api/v1/sessions", Map.of("email", MarketFixture.uniqueEmail("guess"), "password", "guess"));
        }
        Api.Response blocked = api.post("/api/v1/sessions", Map.of("email", email, "password", "right-password"));
        assertThat(blocked.status()).isEqualTo(429);

        clock.advance(Duration.ofMinutes(16));
        assertThat(api.post("/api/v1/sessions", Map.of("email", email, "password", "right-password")).status())
                .isEqualTo(201);
    }

    @Test
    void loggingOutRevokesTheToken() {
        Api buyer = market.account("BUYER");
        assertThat(buyer.get("/api/v1/me").status()).isEqualTo(200);

        assertThat(buyer.delete("/api/v1/sessions/current").status()).isEqualTo(204);

        assertThat(buyer.get("/api/v1/me").status()).isEqualTo(401);
    }

    @Test
    void unknownOrMissingTokensAreUnauthorizedProblems() {
        Api.Response anonymous = api.get("/api/v1/me");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).contains("application/problem+json");

        assertThat(api.as("not-a-real-token").get("/api/v1/me").status()).isEqualTo(401);
    }
}
