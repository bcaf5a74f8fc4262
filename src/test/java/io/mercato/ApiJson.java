package io.mercato;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.json.JsonMapper;

/** Writes JSON as the application's HTTP API does (nulls left out, as {@code application.yml} says). */
public final class ApiJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();

    private ApiJson() {
    }

    public static String write(Object value) {
        return MAPPER.writeValueAsString(value);
    }
}
