package io.mercato.catalog;

public record Brand(long id, String name) {
}
