package io.mercato.media;

import java.io.IOException;
import java.util.Optional;

/**
 * Where picture files live, by key ({@code <image id>/<size>.jpg}). The platform keeps them in a directory under the
 * data directory; an object store (S3, OSS, MinIO) can implement this with a bucket and the same keys. Keys are
 * written once and never changed, so an implementation may cache and replicate freely.
 */
public interface BlobStore {

    /** Stores the bytes under the key; writing a key again with the same bytes is harmless. */
    void put(String key, byte[] bytes) throws IOException;

    /** The bytes under the key, or empty when there are none. */
    Optional<byte[]> get(String key) throws IOException;
}
