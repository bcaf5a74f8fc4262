package io.mercato.web.common;

import io.mercato.media.ImageSize;
import io.mercato.media.StoredImage;
import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Templates' {@code @mediaUrls}: a product picture in the size a place needs (tiles take thumbnails, the gallery the
 * large size). Pictures kept elsewhere (a URL a seller typed) come back as they are.
 */
@Component("mediaUrls")
public final class MediaUrls {

    public String thumb(String url) {
        return StoredImage.resized(url, ImageSize.THUMB);
    }

    public String medium(String url) {
        return StoredImage.resized(url, ImageSize.MEDIUM);
    }

    public String large(String url) {
        return StoredImage.resized(url, ImageSize.LARGE);
    }

    /** The lines of the editor's image field, without blanks. */
    public List<String> lines(String text) {
        return Arrays.stream(text.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
