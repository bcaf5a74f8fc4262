package io.mercato.platform;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.Function;

/**
 * A text a user will read, named by its message-bundle key and the arguments it is filled with, so that whoever
 * shows it (the HTTP edge, a page) says it in the reader's language. Modules never hold the words themselves.
 *
 * @param key a key present in both {@code messages.properties} and {@code messages_zh_CN.properties}
 * @param args the {@link java.text.MessageFormat} arguments, in the order the key's text uses them
 */
public record Text(String key, Object... args) {

    public Text {
        Objects.requireNonNull(key, "key");
        args = args == null ? new Object[0] : args.clone();
    }

    public static Text of(String key, Object... args) {
        return new Text(key, args);
    }

    /**
     * The bundle key that names an enum constant wherever it is an argument of a text:
     * {@code enum.OrderStatus.SHIPPED}, {@code enum.Presale.Status.FORFEITED} for an enum nested in a class.
     */
    public static String keyOf(Enum<?> constant) {
        Class<?> type = constant.getDeclaringClass();
        String name = type.getName().substring(type.getPackageName().length() + 1).replace('$', '.');
        return "enum." + name + "." + constant.name();
    }

    @Override
    public Object[] args() {
        return args.clone();
    }

    /** The key and its arguments, for logs: {@code order.notPayable[42, SHIPPED]}. */
    @Override
    public String toString() {
        return key + Arrays.toString(args);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Text text && key.equals(text.key) && Arrays.equals(args, text.args);
    }

    @Override
    public int hashCode() {
        return 31 * key.hashCode() + Arrays.hashCode(args);
    }

    /**
     * The arguments ready for this text's pattern in some language: a nested text put into words by {@code words},
     * an enum constant named by {@code names}, a number the pattern formats itself ({@code {0,number,#}}) kept a
     * number, anything else said as it is written ({@code String.valueOf}, so ids are never grouped as 12,345).
     */
    public Object[] argumentsFor(String pattern, Function<Text, String> words, Function<Enum<?>, String> names) {
        Object[] plain = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            Object arg = args[i];
            boolean numberFormatted = formatsNumber(pattern, i);
            plain[i] = switch (arg) {
                case Text nested -> words.apply(nested);
                case Enum<?> constant -> names.apply(constant);
                case null -> "null";
                case Number number when numberFormatted -> number;
                default -> String.valueOf(arg);
            };
        }
        return plain;
    }

    /** Whether a message pattern formats argument {@code index} as a number itself ({@code {0,number,#}}). */
    public static boolean formatsNumber(String pattern, int index) {
        return pattern != null && pattern.contains("{" + index + ",number");
    }
}
