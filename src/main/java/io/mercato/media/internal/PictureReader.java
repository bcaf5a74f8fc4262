package io.mercato.media.internal;

import io.mercato.platform.InvalidInputException;
import io.mercato.platform.Text;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.jspecify.annotations.Nullable;

/**
 * Tells a picture's format from its first bytes (never from a name or a declared type) and decodes it, refusing
 * pictures too large to decode safely before decoding them. WebP is read by TwelveMonkeys' ImageIO plugin.
 */
final class PictureReader {

    static {
        ImageIO.scanForPlugins();
        ImageIO.setUseCache(false);
    }

    private PictureReader() {
    }

    record Picture(String format, BufferedImage image) {
    }

    /** {@code jpeg}, {@code png} or {@code webp} from the magic numbers, or null for anything else. */
    static @Nullable String sniff(byte[] bytes) {
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xD8 && (bytes[2] & 0xFF) == 0xFF) {
            return "jpeg";
        }
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
        if (bytes.length >= png.length && java.util.Arrays.equals(bytes, 0, png.length, png, 0, png.length)) {
            return "png";
        }
        if (bytes.length >= 12 && bytes[0] == 'R' && bytes[1] == 'I' && bytes[2] == 'F' && bytes[3] == 'F'
                && bytes[8] == 'W' && bytes[9] == 'E' && bytes[10] == 'B' && bytes[11] == 'P') {
            return "webp";
        }
        return null;
    }

    static Picture read(byte[] bytes, int maxBytes, int maxSide) {
        if (bytes.length == 0) {
            throw new InvalidInputException("file", Text.of("media.file.empty"));
        }
        if (bytes.length > maxBytes) {
            throw new InvalidInputException("file", Text.of("media.file.tooLarge", bytes.length / 1024, maxBytes / 1024));
        }
        String format = sniff(bytes);
        if (format == null) {
            throw new InvalidInputException("file", Text.of("media.file.format"));
        }
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
            if (input == null || !readers.hasNext()) {
                throw new InvalidInputException("file", Text.of("media.file.format"));
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(input, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width <= 0 || height <= 0 || width > maxSide || height > maxSide) {
                    throw new InvalidInputException("file", Text.of("media.file.tooWide", width, height, maxSide));
                }
                BufferedImage image = reader.read(0);
                return new Picture(format, image);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidInputException refusal) {
                throw refusal;
            }
            throw new InvalidInputException("file", Text.of("media.file.unreadable"));
        }
    }
}
