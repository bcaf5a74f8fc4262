package io.mercato.media;

import io.mercato.platform.Actor;
import java.util.Optional;

/** Uploading pictures and reading them back in their standard sizes. */
public interface Images {

    /** The largest upload accepted, in bytes (8 MiB). */
    int MAX_BYTES = 8 * 1024 * 1024;

    /** The largest side accepted, in pixels; larger pictures are refused before they are decoded. */
    int MAX_SIDE = 6000;

    /**
     * Checks the bytes by their content (JPEG, PNG or WebP, whatever the file was called), resizes them to every
     * {@link ImageSize} and stores them. Sellers, buyers and operators may upload.
     *
     * @throws io.mercato.platform.InvalidInputException on field {@code file} when the bytes are empty, too large,
     *     not one of the three formats, unreadable or larger than {@link #MAX_SIDE} a side; nothing is stored then
     */
    StoredImage upload(Actor actor, byte[] bytes);

    /** The image with this id, if there is one. */
    Optional<StoredImage> find(String id);

    /** The JPEG of the image in the given size, if the image exists. */
    Optional<byte[]> file(String id, ImageSize size);
}
