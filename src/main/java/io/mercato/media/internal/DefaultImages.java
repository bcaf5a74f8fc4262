package io.mercato.media.internal;

import io.mercato.media.BlobStore;
import io.mercato.media.ImageSize;
import io.mercato.media.Images;
import io.mercato.media.StoredImage;
import io.mercato.platform.Actor;
import io.mercato.platform.Role;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

@Service
final class DefaultImages implements Images {

    private final JdbcClient jdbc;
    private final BlobStore blobs;
    private final Clock clock;

    DefaultImages(JdbcClient jdbc, BlobStore blobs, Clock clock) {
        this.jdbc = jdbc;
        this.blobs = blobs;
        this.clock = clock;
    }

    @Override
    public StoredImage upload(Actor actor, byte[] bytes) {
        actor.require(Role.BUYER, Role.SELLER, Role.OPERATOR, Role.SYSTEM);
        String id = sha256(bytes);
        Optional<StoredImage> known = find(id);
        if (known.isPresent()) {
            return known.get();
        }
        PictureReader.Picture picture = PictureReader.read(bytes, MAX_BYTES, MAX_SIDE);
        BufferedImage opaque = Resizer.opaque(picture.image());
        try {
            // Files first, the row last: a row always means every size can be served.
            // Largest first, each smaller size from the one before: less work than three reductions of the original.
            BufferedImage source = opaque;
            ImageSize[] sizes = ImageSize.values();
            for (int i = sizes.length - 1; i >= 0; i--) {
                Resizer.Resized resized = Resizer.jpeg(source, sizes[i]);
                blobs.put(key(id, sizes[i]), resized.jpeg());
                source = resized.image();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not store image " + id, e);
        }
        jdbc.sql("""
                INSERT INTO media.images (id, format, width, height, bytes, uploaded_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING""")
                .params(id, picture.format(), opaque.getWidth(), opaque.getHeight(), (long) bytes.length, actor.label(),
                        java.sql.Timestamp.from(clock.instant()))
                .update();
        return find(id).orElseThrow();
    }

    @Override
    public Optional<StoredImage> find(String id) {
        if (!id.matches("[0-9a-f]{64}")) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT id, format, width, height, bytes, created_at FROM media.images WHERE id = ?")
                .param(id)
                .query((rs, n) -> new StoredImage(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4),
                        rs.getLong(5), rs.getTimestamp(6).toInstant()))
                .optional();
    }

    @Override
    public Optional<byte[]> file(String id, ImageSize size) {
        if (find(id).isEmpty()) {
            return Optional.empty();
        }
        try {
            return blobs.get(key(id, size));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read image " + id, e);
        }
    }

    private static String key(String id, ImageSize size) {
        return id + "/" + size.slug() + ".jpg";
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
