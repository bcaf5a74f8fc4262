package io.mercato.web.common;

import io.mercato.http.CurrentActor;
import io.mercato.http.HttpProblems;
import io.mercato.identity.Accounts;
import io.mercato.http.Wording;
import io.mercato.platform.DomainException;
import io.mercato.platform.ForbiddenException;
import io.mercato.platform.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * What every page shows in its header (who is logged in), and the error pages: someone else's order or product
 * is the 403 page, a missing one the 404 page, other refusals a page that says why.
 */
@ControllerAdvice(basePackages = "io.mercato.web")
@Order(Ordered.HIGHEST_PRECEDENCE)
final class PageAdvice {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PageAdvice.class);

    private final Accounts accounts;
    private final MessageSource messages;
    private final Wording wording;

    private final Names names;

    PageAdvice(Accounts accounts, MessageSource messages, Wording wording, Names names) {
        this.names = names;
        this.accounts = accounts;
        this.messages = messages;
        this.wording = wording;
    }

    @ModelAttribute
    void common(Model model, HttpServletRequest request) {
        CurrentActor.find().ifPresent(actor -> {
            model.addAttribute("me", actor);
            accounts.find(actor.accountId()).ifPresent(account -> model.addAttribute("myName", names.of(account)));
        });
        model.addAttribute("currentPath", request.getRequestURI());
    }

    @ExceptionHandler(ForbiddenException.class)
    String forbidden(ForbiddenException e, Model model, HttpServletRequest request, HttpServletResponse response) {
        common(model, request);
        response.setStatus(HttpProblems.status(e).value());
        model.addAttribute("message", wording.of(e));
        return "error/403";
    }

    @ExceptionHandler(NotFoundException.class)
    String notFound(NotFoundException e, Model model, HttpServletRequest request, HttpServletResponse response) {
        common(model, request);
        response.setStatus(HttpProblems.status(e).value());
        model.addAttribute("message", wording.of(e));
        return "error/404";
    }

    /** A malformed or missing parameter: the page names it in the reader's language, never the framework's text. */
    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class})
    String badRequest(Exception e, Model model, HttpServletRequest request, HttpServletResponse response) {
        common(model, request);
        response.setStatus(400);
        model.addAttribute("status", 400);
        String message = switch (e) {
            case MethodArgumentTypeMismatchException mismatch -> text("error.parameter.invalid", mismatch.getName());
            case MissingServletRequestParameterException missing -> text("error.parameter.missing", missing.getParameterName());
            default -> text("error.parameter.invalid", "?");
        };
        model.addAttribute("message", message);
        return "error";
    }

    @ExceptionHandler(DomainException.class)
    String refused(DomainException e, Model model, HttpServletRequest request, HttpServletResponse response) {
        common(model, request);
        int status = HttpProblems.status(e).value();
        response.setStatus(status);
        model.addAttribute("status", status);
        model.addAttribute("message", wording.of(e));
        return "error";
    }

    @ExceptionHandler(RuntimeException.class)
    String failed(RuntimeException e, Model model, HttpServletRequest request, HttpServletResponse response) {
        log.error("Page {} failed", request.getRequestURI(), e);
        common(model, request);
        response.setStatus(500);
        model.addAttribute("status", 500);
        model.addAttribute("message", text("error.unexpected"));
        return "error";
    }

    private String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
    }
}
