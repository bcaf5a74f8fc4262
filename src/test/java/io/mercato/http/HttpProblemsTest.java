package io.mercato.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.mercato.platform.ConflictException;
import io.mercato.platform.DomainException;
import io.mercato.platform.ForbiddenException;
import io.mercato.platform.InvalidInputException;
import io.mercato.platform.NotFoundException;
import io.mercato.platform.Text;
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
                new InvalidInputException("quantity", Text.of("test.tooMany")), HttpStatus.BAD_REQUEST,
                new UnauthorizedException(Text.of("test.logIn")), HttpStatus.UNAUTHORIZED,
                new ForbiddenException(Text.of("test.notYours")), HttpStatus.FORBIDDEN,
                new NotFoundException(Text.of("test.noSuchOrder")), HttpStatus.NOT_FOUND,
                new ConflictException(Text.of("test.soldOut")), HttpStatus.CONFLICT,
                new TooManyRequestsException(Text.of("test.slowDown")), HttpStatus.TOO_MANY_REQUESTS);
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

        HttpProblems.write(response, 403, "Forbidden", "Store \"A\\B\"\nis not yours");

        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        assertThat(response.getContentAsString()).isEqualTo(
                "{\"type\":\"about:blank\",\"title\":\"Forbidden\",\"status\":403,"
                        + "\"detail\":\"Store \\\"A\\\\B\\\"\\nis not yours\"}");
    }
}
