package io.mercato.web.shop;

import io.mercato.identity.Accounts;
import io.mercato.platform.DomainException;
import io.mercato.platform.InvalidInputException;
import io.mercato.platform.Role;
import io.mercato.platform.Text;
import io.mercato.web.common.Said;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The login form (Spring Security checks it) and registration of buyers and sellers. */
@Controller
final class LoginController {

    private final Accounts accounts;
    private final boolean demo;

    LoginController(Accounts accounts, @Value("${mercato.demo.enabled:true}") boolean demo) {
        this.accounts = accounts;
        this.demo = demo;
    }

    @GetMapping("/login")
    String login(@RequestParam(required = false) @Nullable String error, @Nullable HttpSession session, Model model) {
        if (error != null && session != null
                && session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION) instanceof AuthenticationException e) {
            // The login form's refusal (a wrong password, too many tries) is the identity module's, carried as the cause.
            model.addAttribute("error", e.getCause() instanceof DomainException refusal ? Said.of(refusal)
                    : Said.of(Text.of("identity.emailPasswordWrong")));
        } else if (error != null) {
            model.addAttribute("error", Said.of(Text.of("identity.emailPasswordWrong")));
        }
        model.addAttribute("demo", demo);
        return "shop/login";
    }

    @GetMapping("/register")
    String registerForm(Model model) {
        model.addAttribute("role", "BUYER");
        return "shop/register";
    }

    @PostMapping("/register")
    String register(@RequestParam String email, @RequestParam String password, @RequestParam String displayName,
            @RequestParam(defaultValue = "BUYER") String role, Model model, RedirectAttributes redirect) {
        try {
            Role wanted = "SELLER".equals(role) ? Role.SELLER : Role.BUYER;
            accounts.register(email, password, displayName, wanted);
            redirect.addFlashAttribute("notice", "register.done");
            redirect.addFlashAttribute("email", email);
            return "redirect:/login";
        } catch (DomainException e) {
            model.addAttribute("error", Said.of(e));
            model.addAttribute("fieldError", e instanceof InvalidInputException invalid ? invalid.field() : null);
            model.addAttribute("email", email);
            model.addAttribute("displayName", displayName);
            model.addAttribute("role", role);
            return "shop/register";
        }
    }
}
