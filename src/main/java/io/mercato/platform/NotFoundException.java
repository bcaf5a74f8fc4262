package io.mercato.platform;

import org.springframework.http.HttpStatus;

public final class NotFoundException extends DomainException {

    public NotFoundException(String message) {
        super(message);
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.NOT_FOUND;
    }

    @Override
    public String title() {
        return "Not found";
    }
}
