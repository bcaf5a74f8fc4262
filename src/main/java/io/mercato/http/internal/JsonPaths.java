package io.mercato.http.internal;

import io.mercato.platform.Text;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Turns a Jackson failure into what a client may see: the JSON path of the bad value ({@code items[0].quantity})
 * and a plain message of our own. Jackson's messages name Java types and are not part of the API.
 */
final class JsonPaths {

    private static final int SHOWN = 40;

    private JsonPaths() {
    }

    /** The path of the value that failed, such as {@code items[0].quantity}; empty for the whole body. */
    static String of(JacksonException failure) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference step : failure.getPath()) {
            if (step.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(step.getPropertyName());
            } else if (step.getIndex() >= 0) {
                path.append('[').append(step.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** A message that says what the value must be, naming the client's own value but no Java type. */
    static Text plainMessage(JacksonException failure) {
        return switch (failure) {
            case PlainTextDeserializer.UnstorableText text -> text.rule();
            case InvalidNullException nullValue -> Text.of("http.json.notNull");
            case InputCoercionException outOfRange -> Text.of("http.json.outOfRange");
            case InvalidFormatException format -> Text.of("http.json.got", mustBe(format.getTargetType()),
                    shown(format.getValue()));
            case MismatchedInputException mismatch when isNullForPrimitive(mismatch) -> Text.of("http.json.notNull");
            case MismatchedInputException mismatch -> isFromText(mismatch)
                    ? Text.of("http.json.notText", mustBe(mismatch.getTargetType())) : mustBe(mismatch.getTargetType());
            default -> Text.of("http.json.invalid");
        };
    }

    // Jackson's message only tells these kinds apart; it is read here to choose our message, never shown.
    private static boolean isNullForPrimitive(MismatchedInputException mismatch) {
        return String.valueOf(mismatch.getOriginalMessage()).startsWith("Cannot map `null`");
    }

    private static boolean isFromText(MismatchedInputException mismatch) {
        return String.valueOf(mismatch.getOriginalMessage()).startsWith("Cannot coerce String value");
    }

    private static Text mustBe(@Nullable Class<?> type) {
        if (type == null) {
            return Text.of("http.json.wrongType");
        }
        if (type.isEnum()) {
            return Text.of("http.json.oneOf", Arrays.stream(type.getEnumConstants()).map(String::valueOf)
                    .collect(Collectors.joining(", ")));
        }
        if (type == long.class || type == Long.class || type == int.class || type == Integer.class
                || type == short.class || type == Short.class || type == byte.class || type == Byte.class
                || type == BigInteger.class) {
            return Text.of("http.json.wholeNumber");
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class
                || type == BigDecimal.class) {
            return Text.of("http.json.number");
        }
        if (type == boolean.class || type == Boolean.class) {
            return Text.of("http.json.bool");
        }
        if (type == String.class) {
            return Text.of("http.json.text");
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return Text.of("http.json.list");
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return Text.of("http.json.object");
        }
        return Text.of("http.json.wrongType");
    }

    private static Object shown(@Nullable Object value) {
        if (value instanceof String text) {
            String cut = text.length() > SHOWN ? text.substring(0, SHOWN) + "…" : text;
            return Text.of("http.json.theText", cut);
        }
        return String.valueOf(value);
    }
}
