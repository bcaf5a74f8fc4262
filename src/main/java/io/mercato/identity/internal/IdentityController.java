package io.mercato.identity.internal;

import io.mercato.identity.Account;
import io.mercato.identity.Accounts;
import io.mercato.identity.Session;
import io.mercato.platform.Actor;
import io.mercato.platform.NotFoundException;
import io.mercato.platform.Role;
import io.mercato.platform.Text;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Accounts", description = "Register, log in and out")
class IdentityController {

    private final Accounts accounts;

    IdentityController(Accounts accounts) {
        this.accounts = accounts;
    }

    record Registration(@NotBlank String email, @NotBlank String password, @NotBlank String displayName,
            @NotNull Role role) {
    }

    record Credentials(@NotBlank String email, @NotBlank String password) {
    }

    @PostMapping("/accounts")
    @ResponseStatus(HttpStatus.CREATED)
    Account register(@Valid @RequestBody Registration registration) {
        return accounts.register(registration.email(), registration.password(), registration.displayName(),
                registration.role());
    }

    @PostMapping("/sessions")
    @ResponseStatus(HttpStatus.CREATED)
    Session logIn(@Valid @RequestBody Credentials credentials, HttpServletRequest request) {
        return accounts.logIn(credentials.email(), credentials.password(), request.getRemoteAddr());
    }

    @DeleteMapping("/sessions/current")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void logOut(@RequestHeader("Authorization") String authorization, Actor actor) {
        accounts.logOut(authorization.substring(7).strip());
    }

    @GetMapping("/me")
    Account me(Actor actor) {
        return accounts.find(actor.accountId())
                .orElseThrow(() -> new NotFoundException(Text.of("identity.accountNoLongerExists", actor.accountId())));
    }
}
