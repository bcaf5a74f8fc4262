package io.mercato.identity;

import io.mercato.platform.Role;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

/** Registers accounts, logs them in and looks them up. */
public interface Accounts {

    /**
     * Registers a buyer or seller. Operators come from configuration only; no account is ever the system.
     *
     * @throws io.mercato.platform.InvalidInputException when the email, password or role is unacceptable
     * @throws io.mercato.platform.ConflictException when the email is taken
     */
    Account register(String email, String password, String displayName, Role role);

    /**
     * Registers a buyer or seller whose password was hashed elsewhere, as a marketplace does when it takes accounts
     * over from another system (or a simulated market registers many accounts with one password): the encoded Argon2id
     * hash ({@code $argon2id$v=19$m=…,t=…,p=…$salt$hash}, the form {@link #logIn} checks passwords against) is stored
     * as given, and the account logs in with its password as usual. The hash's cost parameters must lie within
     * {@link #IMPORTED_HASH_MAX_MEMORY_KIB} KiB of memory, {@link #IMPORTED_HASH_MAX_ITERATIONS} iterations and
     * {@link #IMPORTED_HASH_MAX_PARALLELISM} lanes, so no imported account makes a login dear.
     *
     * @throws io.mercato.platform.InvalidInputException naming {@code passwordHash} when it is not such a hash, or the
     *     email, display name or role as {@link #register} does
     * @throws io.mercato.platform.ConflictException when the email is taken
     */
    Account importAccount(String email, String passwordHash, String displayName, Role role);

    /** The most memory (KiB), iterations and lanes an imported password hash may ask a login for. */
    int IMPORTED_HASH_MAX_MEMORY_KIB = 262_144;
    int IMPORTED_HASH_MAX_ITERATIONS = 10;
    int IMPORTED_HASH_MAX_PARALLELISM = 8;

    /**
     * Checks the password and issues a bearer token. Repeated failures for one account or from one address
     * are refused for a while.
     *
     * @throws io.mercato.platform.UnauthorizedException when the email or password is wrong
     * @throws io.mercato.platform.TooManyRequestsException when too many logins failed recently
     */
    Session logIn(String email, String password, String address);

    /**
     * Checks the password without issuing a token, for session logins on the pages; failures count towards the
     * same limits as {@link #logIn}.
     *
     * @throws io.mercato.platform.UnauthorizedException when the email or password is wrong
     * @throws io.mercato.platform.TooManyRequestsException when too many logins failed recently
     */
    Account verifyPassword(String email, String password, String address);

    /** How many accounts of the role registered on each day of {@code from..to} (in the zone); days without any are absent. */
    Map<LocalDate, Long> registrationsPerDay(Role role, LocalDate from, LocalDate to, ZoneId zone);

    /** Revokes the token; unknown tokens are ignored. */
    void logOut(String token);

    Optional<Account> find(long accountId);

    Optional<Account> findByEmail(String email);

    /**
     * One page of the accounts of a role, newest first, narrowed by a text found (case-insensitive) in the email or
     * name, or equal to the account id; for the operations console.
     */
    Found list(Role role, @org.jspecify.annotations.Nullable String text, int page, int size);

    /** A page of accounts and how many match in all. */
    record Found(java.util.List<Account> items, int page, int size, long total) {

        public Found {
            items = java.util.List.copyOf(items);
        }
    }

    /** The operator accounts, oldest first. */
    java.util.List<Account> operators();
}
