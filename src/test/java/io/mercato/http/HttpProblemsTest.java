package io.mercato.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.mercato.platform.ConflictException;
import io.mercato.platform.DomainException;
import io.mercato.platform.ForbiddenException;
import io.mercato.platform.InvalidInputException;
import io.mercato.platform.NotFoundException;
import io.mercato.platform.TooManyRequestsException;
import io.mercato.platform.UnauthorizedException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletResponse;

class HttpProblemsTest {

    @Test
    void everyKindOfRefusalHasTheStatusAndTitleClientsAlreadySee() {
        Map<DomainException, HttpStatus> statuses = Map.of(
                new InvalidInputException("quantity", "too many"), HttpStatus.BAD_REQUEST,
                new UnauthorizedException("log in"), HttpStatus.UNAUTHORIZED,
                new ForbiddenException("not yours"), HttpStatus.FORBIDDEN,
                new NotFoundException("no such order"), HttpStatus.NOT_FOUND,
                new ConflictException("sold out"), HttpStatus.CONFLICT,
                new TooManyRequestsException("slow down"), HttpStatus.TOO_MANY_REQUESTS);
        Map<HttpStatus, String> titles = Map.of(HttpStatus.BAD_REQUEST, "Invalid input", HttpStatus.UNAUTHORIZED,
                "Unauthorized", HttpStatus.FORBIDDEN, "Forbidden", HttpStatus.NOT_FOUND, "Not found", HttpStatus.CONFLICT,
                "Conflict", HttpStatus.TOO_MANY_REQUESTS, "Too many requests");

        statuses.forEach((refusal, status) -> {
            assertThat(HttpProblems.status(refusal)).as("%s", refusal).isEqualTo(status);
            assertThat(HttpProblems.title(refusal)).as("%s", refusal).isEqualTo(titles.get(status));
        });
    }

    @Test
    void aWrittenRefusalIsProblemJsonWithEveryFieldEscaped() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();

        HttpProblems.write(response, new ForbiddenException("Store \"A\\B\"\nis not yours"));

        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        assertThat(response.getContentAsString()).isEqualTo(
                "{\"type\":\"about:blank\",\"title\":\"Forbidden\",\"status\":403,"
                        + "\"detail\":\"Store \\\"A\\\\B\\\"\\nis not yours\"}");
    }
}
