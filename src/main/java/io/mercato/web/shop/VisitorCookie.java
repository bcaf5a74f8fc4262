package io.mercato.web.shop;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

/** An anonymous visitor id kept in a cookie for a year, so a store's visitors are counted once a day however often they look. */
final class VisitorCookie {

    static final String NAME = "mercato-visitor";

    private VisitorCookie() {
    }

    /** The visitor's id from the cookie, or a new one set on the response. */
    static String of(HttpServletRequest request, HttpServletResponse response) {
        // A new id is given once per request, however many parts of the page ask for it.
        if (request.getAttribute(NAME) instanceof String given) {
            return given;
        }
        if (request.getCookies() != null) {
            Optional<String> known = Arrays.stream(request.getCookies())
                    .filter(c -> NAME.equals(c.getName()) && c.getValue().matches("[0-9a-f-]{36}"))
                    .map(Cookie::getValue).findFirst();
            if (known.isPresent()) {
                return known.get();
            }
        }
        String id = UUID.randomUUID().toString();
        request.setAttribute(NAME, id);
        Cookie cookie = new Cookie(NAME, id);
        cookie.setPath("/");
        cookie.setHttpOnly(true);
        cookie.setMaxAge(60 * 60 * 24 * 365);
        response.addCookie(cookie);
        return id;
    }
}
