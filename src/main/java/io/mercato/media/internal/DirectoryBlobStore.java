package io.mercato.media.internal;

import io.mercato.media.BlobStore;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The blob store of one machine: files under {@code <data-dir>/images}, each written to a temporary name first and
 * moved into place, so a reader never sees half a file.
 */
@Component
final class DirectoryBlobStore implements BlobStore {

    private final Path root;

    DirectoryBlobStore(@Value("${mercato.data-dir:./data}") Path dataDir) {
        this.root = dataDir.resolve("images").toAbsolutePath().normalize();
    }

    @Override
    public void put(String key, byte[] bytes) throws IOException {
        Path target = resolve(key);
        if (Files.exists(target)) {
            return;
        }
        Files.createDirectories(target.getParent());
        Path temporary = target.resolveSibling(target.getFileName() + "." + UUID.randomUUID() + ".part");
        Files.write(temporary, bytes);
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Override
    public Optional<byte[]> get(String key) throws IOException {
        try {
            return Optional.of(Files.readAllBytes(resolve(key)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    private Path resolve(String key) {
        if (!key.matches("[0-9a-f]{64}/[a-z]+\\.jpg")) {
            throw new IllegalArgumentException("Blob keys look like <sha-256>/<size>.jpg, not " + key);
        }
        return root.resolve(key.substring(0, 2)).resolve(key);
    }
}
