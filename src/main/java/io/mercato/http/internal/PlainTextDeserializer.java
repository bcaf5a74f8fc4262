package io.mercato.http.internal;

import io.mercato.platform.Text;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.KeyDeserializer;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Reads JSON text as Jackson does, then refuses what PostgreSQL cannot store or no field should hold: U+0000,
 * the other C0 control characters except tab, line feed and carriage return, and unpaired surrogates.
 * Delegates instead of extending {@link StringDeserializer} so Jackson never mistakes it for its own.
 */
final class PlainTextDeserializer extends StdScalarDeserializer<String> {

    PlainTextDeserializer() {
        super(String.class);
    }

    @Override
    public @Nullable String deserialize(JsonParser p, DeserializationContext ctxt) {
        String text = StringDeserializer.instance.deserialize(p, ctxt);
        if (text != null) {
            refuseUnstorable(p, text);
        }
        return text;
    }

    @Override
    public Object getEmptyValue(DeserializationContext ctxt) {
        return "";
    }

    static void refuseUnstorable(@Nullable JsonParser p, String text) {
        Text rule = rule(text);
        if (rule != null) {
            throw new UnstorableText(p, rule);
        }
    }

    /** What is wrong with the text, or null when it may be stored. */
    static @Nullable Text rule(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                return Text.of("http.text.controlCharacter", String.format("%04X", (int) c), i);
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return Text.of("http.text.unpairedSurrogate", String.format("%04X", (int) c), i);
            }
        }
        return null;
    }

    /** The same rule for the keys of a JSON object read into a map, such as a SKU's attributes. */
    static final class Keys extends KeyDeserializer {

        @Override
        public Object deserializeKey(String key, DeserializationContext ctxt) {
            refuseUnstorable(ctxt.getParser(), key);
            return key;
        }
    }

    /** Text the rule refuses; its message is the rule alone, safe to show the client beside the field's path. */
    static final class UnstorableText extends MismatchedInputException {

        private final Text rule;

        UnstorableText(@Nullable JsonParser p, Text rule) {
            super(p, rule.toString(), String.class);
            this.rule = rule;
        }

        Text rule() {
            return rule;
        }
    }
}
