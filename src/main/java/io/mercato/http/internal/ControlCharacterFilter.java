package io.mercato.http.internal;

import io.mercato.http.Wording;
import io.mercato.platform.Text;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a query or form parameter of a write (API and pages alike) whose name or value holds text PostgreSQL cannot
 * store or no field should hold, by the same rule as JSON text, before any controller sees it: a 400 naming the
 * parameter. Reads are left alone: search answers any query text by design, and a read stores nothing. Parameters of
 * a JSON or multipart request are only its query string, so no body is read here.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
final class ControlCharacterFilter extends OncePerRequestFilter {

    private final Wording wording;

    ControlCharacterFilter(Wording wording) {
        this.wording = wording;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())
                || "OPTIONS".equals(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            Text rule = PlainTextDeserializer.rule(parameter.getKey());
            for (String value : parameter.getValue()) {
                if (rule == null && value != null) {
                    rule = PlainTextDeserializer.rule(value);
                }
            }
            if (rule != null) {
                Object name = PlainTextDeserializer.rule(parameter.getKey()) == null ? parameter.getKey()
                        : Text.of("http.parameter.name");
                wording.write(request, response, HttpServletResponse.SC_BAD_REQUEST, "Invalid input",
                        Text.of("http.parameter.refused", name, rule));
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
