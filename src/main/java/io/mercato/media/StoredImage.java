package io.mercato.media;

import java.time.Instant;
import java.util.regex.Pattern;

/**
 * A picture as kept: its id is the SHA-256 of the uploaded bytes, so the same picture uploaded twice is one image and
 * its URLs never change meaning (they are served as immutable).
 *
 * @param format the format the upload was in: {@code jpeg}, {@code png} or {@code webp}
 * @param width the uploaded picture's width in pixels
 * @param height its height
 */
public record StoredImage(String id, String format, int width, int height, long bytes, Instant createdAt) {

    /** The shape of an image's URL, {@code /media/<id>/<size>.jpg}, as product image lists may hold it. */
    public static final Pattern URL = Pattern.compile("/media/([0-9a-f]{64})/(thumb|medium|large)\\.jpg");

    public StoredImage {
        if (!id.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("An image id is 64 lowercase hex digits, not " + id);
        }
    }

    /** Where the picture is served in the given size. */
    public String url(ImageSize size) {
        return urlOf(id, size);
    }

    public static String urlOf(String id, ImageSize size) {
        return "/media/" + id + "/" + size.slug() + ".jpg";
    }

    /** The same picture's URL in another size, for a URL of the {@link #URL} shape; other URLs come back unchanged. */
    public static String resized(String url, ImageSize size) {
        var matcher = URL.matcher(url);
        return matcher.matches() ? urlOf(matcher.group(1), size) : url;
    }
}
