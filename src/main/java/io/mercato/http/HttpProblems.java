package io.mercato.http;

import io.mercato.platform.ConflictException;
import io.mercato.platform.DomainException;
import io.mercato.platform.ForbiddenException;
import io.mercato.platform.InvalidInputException;
import io.mercato.platform.NotFoundException;
import io.mercato.platform.TooManyRequestsException;
import io.mercato.platform.UnauthorizedException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * How a module's refusal is answered over HTTP: the one mapping from each kind of {@link DomainException} to a
 * status and an RFC 9457 problem title (used by the API, the pages and the security entry points), and the
 * writer of problem JSON for the filters that answer before Spring MVC's exception handling is reached.
 */
public final class HttpProblems {

    private HttpProblems() {
    }

    /** The status the refusal is answered with; never null. */
    public static HttpStatus status(DomainException refusal) {
        return answer(refusal).status();
    }

    /** The short, stable title of the refusal's problem type ("Not found", "Invalid input"); never null. */
    public static String title(DomainException refusal) {
        return answer(refusal).title();
    }

    /** Writes the refusal as a problem detail whose detail is the refusal's message. */
    public static void write(HttpServletResponse response, DomainException refusal) throws IOException {
        write(response, status(refusal).value(), title(refusal), String.valueOf(refusal.getMessage()));
    }

    /** Writes a problem detail straight to the response, escaping every field. */
    public static void write(HttpServletResponse response, int status, String title, String detail) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(("{\"type\":\"about:blank\",\"title\":\"" + json(title) + "\",\"status\":"
                + status + ",\"detail\":\"" + json(detail) + "\"}").getBytes(StandardCharsets.UTF_8));
    }

    private static Answer answer(DomainException refusal) {
        // No default branch: a new kind of refusal does not compile until it is given its status here.
        return switch (refusal) {
            case InvalidInputException invalid -> new Answer(HttpStatus.BAD_REQUEST, "Invalid input");
            case UnauthorizedException unknownCaller -> new Answer(HttpStatus.UNAUTHORIZED, "Unauthorized");
            case ForbiddenException forbidden -> new Answer(HttpStatus.FORBIDDEN, "Forbidden");
            case NotFoundException notFound -> new Answer(HttpStatus.NOT_FOUND, "Not found");
            case ConflictException conflict -> new Answer(HttpStatus.CONFLICT, "Conflict");
            case TooManyRequestsException tooMany -> new Answer(HttpStatus.TOO_MANY_REQUESTS, "Too many requests");
        };
    }

    private record Answer(HttpStatus status, String title) {
    }

    private static String json(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
