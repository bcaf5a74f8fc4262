package io.mercato.web.common;

import io.mercato.http.CurrentActor;
import io.mercato.identity.Accounts;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/**
 * The error pages Spring Boot renders itself (a role's area refused by security, a failure outside a page
 * controller) with the same header as every other page, so a logged-in person still sees who they are.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
final class PageErrorViews implements ErrorViewResolver {

    private final Accounts accounts;
    private final Names names;

    PageErrorViews(Accounts accounts, Names names) {
        this.accounts = accounts;
        this.names = names;
    }

    @Override
    public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
        Map<String, Object> page = new HashMap<>(model);
        CurrentActor.find().ifPresent(actor -> {
            page.put("me", actor);
            accounts.find(actor.accountId()).ifPresent(account -> page.put("myName", names.of(account)));
        });
        Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        page.put("currentPath", path == null ? "/" : path.toString());
        page.put("message", "");
        String view = status == HttpStatus.FORBIDDEN || status == HttpStatus.NOT_FOUND ? "error/" + status.value() : "error";
        return new ModelAndView(view, page, status);
    }
}
