package io.mercato.platform;

/** Input that breaks a rule; names the offending field so a client can point at it. */
public final class InvalidInputException extends DomainException {

    private final String field;

    /** The refusal in the reader's language: {@code new InvalidInputException("field", Text.of("key", arg…))}. */
    public InvalidInputException(String field, Text text) {
        super(text);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
