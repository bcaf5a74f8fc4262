package io.mercato.platform;

/** Input that breaks a rule; names the offending field so a client can point at it. */
public final class InvalidInputException extends DomainException {

    private final String field;

    public InvalidInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
