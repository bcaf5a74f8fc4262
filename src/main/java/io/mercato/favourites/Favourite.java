package io.mercato.favourites;

import java.time.Instant;

/** A product or store a buyer keeps, by id, and when they added it. */
public record Favourite(long id, Instant addedAt) {
}
