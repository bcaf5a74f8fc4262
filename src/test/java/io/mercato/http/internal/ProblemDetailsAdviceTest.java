package io.mercato.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.mercato.http.Wording;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.ProblemDetail;
import org.springframework.web.servlet.LocaleResolver;

class ProblemDetailsAdviceTest {

    @Test
    void aConstraintViolationIsAConflictThatShowsNoDatabaseText() {
        SQLException database = new SQLException("ERROR: invalid byte sequence for encoding \"UTF8\": 0x00\n"
                + "  Where: unnamed portal parameter $2; duplicate key value violates unique constraint \"stores_name_key\"");
        ProblemDetail problem = new ProblemDetailsAdvice(new Wording(new StaticMessageSource(),
                new StaticListableBeanFactory().getBeanProvider(LocaleResolver.class)))
                .integrity(new DataIntegrityViolationException("could not execute statement", database));

        assertThat(problem.getStatus()).isEqualTo(409);
        assertThat(problem.getTitle()).isEqualTo("Conflict");
        assertThat(problem.getDetail()).doesNotContain("ERROR", "UTF8", "portal", "constraint", "stores_name_key",
                "statement");
    }
}
