package io.mercato.media;

import java.util.Locale;
import java.util.Optional;

/** The standard sizes every uploaded picture is kept in: each fits in a square of {@link #pixels} a side. */
public enum ImageSize {
    /** Search tiles, carts, order lines and the gallery's strip. */
    THUMB(240),
    /** The product page's main picture and home tiles. */
    MEDIUM(600),
    /** The gallery's enlarged view. */
    LARGE(1200);

    private final int pixels;

    ImageSize(int pixels) {
        this.pixels = pixels;
    }

    public int pixels() {
        return pixels;
    }

    /** The name in URLs: {@code thumb}, {@code medium}, {@code large}. */
    public String slug() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ImageSize> ofSlug(String slug) {
        for (ImageSize size : values()) {
            if (size.slug().equals(slug)) {
                return Optional.of(size);
            }
        }
        return Optional.empty();
    }
}
