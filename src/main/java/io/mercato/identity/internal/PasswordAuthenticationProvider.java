package io.mercato.identity.internal;

import io.mercato.identity.Account;
import io.mercato.platform.Actor;
import io.mercato.platform.TooManyRequestsException;
import io.mercato.platform.UnauthorizedException;
import java.util.List;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Logs a person in to the pages: checks the password through {@link DefaultAccounts#verifyPassword} (so failed
 * attempts count towards the same limits as API logins) and makes the session's principal the same
 * {@link Actor} a bearer token stands for.
 */
final class PasswordAuthenticationProvider implements AuthenticationProvider {

    private final DefaultAccounts accounts;

    PasswordAuthenticationProvider(DefaultAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String address = authentication.getDetails() instanceof WebAuthenticationDetails details
                && details.getRemoteAddress() != null ? details.getRemoteAddress() : "unknown";
        String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
        try {
            Account account = accounts.verifyPassword(authentication.getName(), password, address);
            Actor actor = new Actor(account.id(), account.role());
            return UsernamePasswordAuthenticationToken.authenticated(actor, null,
                    List.of(new SimpleGrantedAuthority("ROLE_" + actor.role().name())));
        } catch (UnauthorizedException e) {
            throw new BadCredentialsException(e.getMessage(), e);
        } catch (TooManyRequestsException e) {
            throw new LockedException(e.getMessage(), e);
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
