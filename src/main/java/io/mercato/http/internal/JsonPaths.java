package io.mercato.http.internal;

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
    static String plainMessage(JacksonException failure) {
        return switch (failure) {
            case PlainTextDeserializer.UnstorableText text -> text.rule();
            case InvalidNullException nullValue -> "must not be null";
            case InputCoercionException outOfRange -> "is out of range";
            case InvalidFormatException format -> mustBe(format.getTargetType()) + ", got " + shown(format.getValue());
            case MismatchedInputException mismatch when isNullForPrimitive(mismatch) -> "must not be null";
            case MismatchedInputException mismatch -> mustBe(mismatch.getTargetType())
                    + (isFromText(mismatch) ? ", not text" : "");
            default -> "is invalid";
        };
    }

    // Jackson's message only tells these kinds apart; it is read here to choose our message, never shown.
    private static boolean isNullForPrimitive(MismatchedInputException mismatch) {
        return String.valueOf(mismatch.getOriginalMessage()).startsWith("Cannot map `null`");
    }

    private static boolean isFromText(MismatchedInputException mismatch) {
        return String.valueOf(mismatch.getOriginalMessage()).startsWith("Cannot coerce String value");
    }

    private static String mustBe(@Nullable Class<?> type) {
        if (type == null) {
            return "has the wrong type";
        }
        if (type.isEnum()) {
            return "must be one of " + Arrays.stream(type.getEnumConstants()).map(String::valueOf)
                    .collect(Collectors.joining(", "));
        }
        if (type == long.class || type == Long.class || type == int.class || type == Integer.class
                || type == short.class || type == Short.class || type == byte.class || type == Byte.class
                || type == BigInteger.class) {
            return "must be a whole number written as a JSON number";
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class
                || type == BigDecimal.class) {
            return "must be a number written as a JSON number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "must be true or false";
        }
        if (type == String.class) {
            return "must be text";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "must be a list";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "must be an object";
        }
        return "has the wrong type";
    }

    private static String shown(@Nullable Object value) {
        if (value instanceof String text) {
            String cut = text.length() > SHOWN ? text.substring(0, SHOWN) + "…" : text;
            return "the text '" + cut + "'";
        }
        return String.valueOf(value);
    }
}
