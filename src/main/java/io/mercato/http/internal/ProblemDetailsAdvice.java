package io.mercato.http.internal;

import io.mercato.http.HttpProblems;
import io.mercato.http.Wording;
import io.mercato.platform.DomainException;
import io.mercato.platform.InvalidInputException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.databind.DatabindException;

/** Answers every failure as an RFC 9457 problem detail that names what is wrong. */
@RestControllerAdvice
final class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    private final Wording wording;

    ProblemDetailsAdvice(Wording wording) {
        this.wording = wording;
    }

    @ExceptionHandler(DomainException.class)
    ProblemDetail domain(DomainException e) {
        String detail = wording.of(e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpProblems.status(e), detail);
        problem.setTitle(HttpProblems.title(e));
        if (e instanceof InvalidInputException invalid) {
            problem.setProperty("errors", List.of(new FieldError(invalid.field(), detail)));
        }
        return problem;
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "Parameter '" + e.getName() + "' has the invalid value '" + e.getValue() + "'");
        problem.setTitle("Invalid input");
        problem.setProperty("errors", List.of(new FieldError(e.getName(), "invalid value")));
        return problem;
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail illegalArgument(IllegalArgumentException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Invalid input");
        return problem;
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ProblemDetail integrity(DataIntegrityViolationException e) {
        // The database's text names tables, constraints and statement parameters: it is logged, never answered.
        log.info("Rejected a write that breaks a database constraint: {}", e.getMostSpecificCause().getMessage());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "The change conflicts with existing data, so nothing was changed");
        problem.setTitle("Conflict");
        return problem;
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldError(error.getField(), String.valueOf(error.getDefaultMessage())))
                .toList();
        String detail = errors.stream().map(error -> error.field() + " " + error.message())
                .reduce((a, b) -> a + "; " + b).orElse("Request is invalid");
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle("Invalid input");
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String detail = ex.getAllErrors().stream().map(error -> String.valueOf(error.getDefaultMessage()))
                .reduce((a, b) -> a + "; " + b).orElse("Request is invalid");
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle("Invalid input");
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Throwable cause = ex.getMostSpecificCause();
        if (cause instanceof InvalidInputException invalid) {
            // Validation inside a request value (such as an address) names its field like any other invalid input.
            return invalidInput(invalid.field(), invalid.getMessage());
        }
        if (cause instanceof IllegalArgumentException) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, cause.getMessage());
            problem.setTitle("Malformed request");
            return ResponseEntity.badRequest().body(problem);
        }
        JacksonException jackson = jacksonCause(ex);
        // Jackson's own messages name Java types and echo input; only the path and a message of ours are shown.
        log.debug("Unreadable request body", ex);
        if (jackson instanceof DatabindException || jackson instanceof InputCoercionException) {
            String field = JsonPaths.of(jackson);
            if (!field.isEmpty()) {
                return invalidInput(field, JsonPaths.plainMessage(jackson));
            }
        }
        String where = jackson == null || jackson.getLocation() == null || jackson.getLocation().getLineNr() < 1 ? ""
                : " (line " + jackson.getLocation().getLineNr() + ", column " + jackson.getLocation().getColumnNr() + ")";
        String detail = jackson == null ? "The request body is missing or is not JSON"
                : jackson instanceof DatabindException ? "Malformed JSON request body: it does not have the expected shape"
                : "Malformed JSON request body" + where;
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle("Malformed request");
        return ResponseEntity.badRequest().body(problem);
    }

    private static ResponseEntity<Object> invalidInput(String field, String message) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, field + " " + message);
        problem.setTitle("Invalid input");
        problem.setProperty("errors", List.of(new FieldError(field, message)));
        return ResponseEntity.badRequest().body(problem);
    }

    private static @Nullable JacksonException jacksonCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof JacksonException jackson) {
                return jackson;
            }
        }
        return null;
    }

    @ExceptionHandler(org.springframework.security.access.AccessDeniedException.class)
    ProblemDetail accessDenied(org.springframework.security.access.AccessDeniedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
        problem.setTitle("Forbidden");
        return problem;
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("Unexpected failure", e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "An unexpected error occurred; it has been logged.");
        problem.setTitle("Internal error");
        return problem;
    }

    /** One entry of a problem's {@code errors}: always {@code field} then {@code message}, so the JSON is stable. */
    record FieldError(String field, String message) {
    }
}
