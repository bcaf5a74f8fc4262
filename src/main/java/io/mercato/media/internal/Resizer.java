package io.mercato.media.internal;

import io.mercato.media.ImageSize;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import net.coobird.thumbnailator.Thumbnails;

/**
 * One picture in one standard size, as a JPEG: fitted inside the size's square with its proportions kept, never
 * enlarged, transparent parts laid on white (JPEG has no transparency).
 */
final class Resizer {

    private Resizer() {
    }

    static BufferedImage opaque(BufferedImage image) {
        if (!image.getColorModel().hasAlpha() && image.getType() == BufferedImage.TYPE_INT_RGB) {
            return image;
        }
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, rgb.getWidth(), rgb.getHeight());
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return rgb;
    }

    record Resized(BufferedImage image, byte[] jpeg) {
    }

    static Resized jpeg(BufferedImage opaque, ImageSize size) {
        int longest = Math.max(opaque.getWidth(), opaque.getHeight());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            BufferedImage resized = longest <= size.pixels() ? opaque
                    : Thumbnails.of(opaque).size(size.pixels(), size.pixels()).keepAspectRatio(true).asBufferedImage();
            Thumbnails.of(resized).scale(1.0).outputFormat("jpg").outputQuality(0.85).toOutputStream(out);
            return new Resized(resized, out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
