package io.mercato.web.common;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * An address nothing answers: a person gets the 404 page, an API client the same problem detail as before.
 * (Spring MVC reports unknown paths as a missing static resource, which no controller advice of a page sees.)
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
final class NotFoundPages {

    @ExceptionHandler(NoResourceFoundException.class)
    ModelAndView notFound(NoResourceFoundException e, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        response.setStatus(404);
        String path = request.getRequestURI();
        if (path.startsWith("/api/") || path.startsWith("/actuator/") || path.startsWith("/v3/")) {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getOutputStream().write(("{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,"
                    + "\"detail\":\"No endpoint " + path.replaceAll("[^A-Za-z0-9/._~-]", "") + "\",\"instance\":\""
                    + path.replaceAll("[^A-Za-z0-9/._~-]", "") + "\"}").getBytes(StandardCharsets.UTF_8));
            return new ModelAndView();
        }
        ModelAndView page = new ModelAndView("error/404");
        page.addObject("currentPath", path);
        return page;
    }
}
