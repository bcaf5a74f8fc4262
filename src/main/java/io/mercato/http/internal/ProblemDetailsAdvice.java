package io.mercato.http.internal;

import io.mercato.http.HttpProblems;
import io.mercato.http.Wording;
import io.mercato.platform.DomainException;
import io.mercato.platform.InvalidInputException;
import io.mercato.platform.Text;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.i18n.LocaleContextHolder;
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
                wording.of(Text.of("http.parameter.invalidValue", e.getName(), String.valueOf(e.getValue()))));
        problem.setTitle("Invalid input");
        problem.setProperty("errors", List.of(new FieldError(e.getName(), wording.of(Text.of("http.parameter.invalid")))));
        return problem;
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail illegalArgument(IllegalArgumentException e) {
        // Its text is written for developers (and in English): it is logged, the caller reads a text of the bundles.
        log.info("Refused a request with an invalid argument: {}", e.getMessage());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                wording.of(Text.of("http.invalidArgument")));
        problem.setTitle("Invalid input");
        return problem;
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ProblemDetail integrity(DataIntegrityViolationException e) {
        // The database's text names tables, constraints and statement parameters: it is logged, never answered.
        log.info("Rejected a write that breaks a database constraint: {}", e.getMostSpecificCause().getMessage());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                wording.of(Text.of("http.integrityConflict")));
        problem.setTitle("Conflict");
        return problem;
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldError(error.getField(), getMessageSource() == null
                        ? String.valueOf(error.getDefaultMessage())
                        : getMessageSource().getMessage(error, LocaleContextHolder.getLocale())))
                .toList();
        String detail = errors.stream().map(error -> error.field() + " " + error.message())
                .reduce((a, b) -> a + "; " + b).orElse(wording.of(Text.of("http.requestInvalid")));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle("Invalid input");
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String detail = ex.getAllErrors().stream().map(error -> getMessageSource() == null
                        ? String.valueOf(error.getDefaultMessage())
                        : getMessageSource().getMessage(error, LocaleContextHolder.getLocale()))
                .reduce((a, b) -> a + "; " + b).orElse(wording.of(Text.of("http.requestInvalid")));
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
            return invalidInput(invalid.field(), wording.of(invalid));
        }
        if (cause instanceof IllegalArgumentException) {
            log.info("Refused a request body with an invalid value: {}", cause.getMessage());
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    wording.of(Text.of("http.invalidArgument")));
            problem.setTitle("Malformed request");
            return ResponseEntity.badRequest().body(problem);
        }
        JacksonException jackson = jacksonCause(ex);
        // Jackson's own messages name Java types and echo input; only the path and a message of ours are shown.
        log.debug("Unreadable request body", ex);
        if (jackson instanceof DatabindException || jackson instanceof InputCoercionException) {
            String field = JsonPaths.of(jackson);
            if (!field.isEmpty()) {
                return invalidInput(field, wording.of(JsonPaths.plainMessage(jackson)));
            }
        }
        Text detail = jackson == null ? Text.of("http.body.missing")
                : jackson instanceof DatabindException ? Text.of("http.body.shape")
                : jackson.getLocation() == null || jackson.getLocation().getLineNr() < 1 ? Text.of("http.body.malformed")
                : Text.of("http.body.malformedAt", jackson.getLocation().getLineNr(), jackson.getLocation().getColumnNr());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, wording.of(detail));
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
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
                wording.of(Text.of("http.accessDenied")));
        problem.setTitle("Forbidden");
        return problem;
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("Unexpected failure", e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                wording.of(Text.of("http.unexpected")));
        problem.setTitle("Internal error");
        return problem;
    }

    /** One entry of a problem's {@code errors}: always {@code field} then {@code message}, so the JSON is stable. */
    record FieldError(String field, String message) {
    }
}
