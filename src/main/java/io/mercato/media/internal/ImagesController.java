package io.mercato.media.internal;

import io.mercato.media.ImageSize;
import io.mercato.media.Images;
import io.mercato.media.StoredImage;
import io.mercato.platform.Actor;
import io.mercato.platform.NotFoundException;
import io.mercato.platform.Text;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.jspecify.annotations.Nullable;

/**
 * Uploads over the API (the picture's bytes as the request body, whatever its declared type) and the pictures
 * themselves under {@code /media/<id>/<size>.jpg}: content-addressed, so cached for a year as immutable, with the
 * id as the ETag.
 */
@RestController
@Tag(name = "Images", description = "Pictures for products and reviews: upload, standard sizes")
class ImagesController {

    private static final CacheControl FOREVER = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

    private final Images images;

    ImagesController(Images images) {
        this.images = images;
    }

    /** An uploaded image and the URLs of its sizes. */
    record ImageBody(String id, String format, int width, int height, long bytes, Map<String, String> urls) {

        static ImageBody of(StoredImage image) {
            Map<String, String> urls = new LinkedHashMap<>();
            for (ImageSize size : ImageSize.values()) {
                urls.put(size.slug(), image.url(size));
            }
            return new ImageBody(image.id(), image.format(), image.width(), image.height(), image.bytes(), urls);
        }
    }

    @PostMapping(path = "/api/v1/images", consumes = MediaType.ALL_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    ImageBody upload(@RequestBody(required = false) byte @Nullable [] body, Actor actor) {
        return ImageBody.of(images.upload(actor, body == null ? new byte[0] : body));
    }

    @GetMapping("/api/v1/images/{id}")
    ImageBody describe(@PathVariable String id) {
        return images.find(id).map(ImageBody::of)
                .orElseThrow(() -> new NotFoundException(Text.of("media.notFound", id)));
    }

    @GetMapping("/media/{id}/{size:[a-z]+}.jpg")
    ResponseEntity<byte[]> serve(@PathVariable String id, @PathVariable String size,
            @RequestHeader(name = "If-None-Match", required = false) @Nullable String ifNoneMatch) {
        Optional<ImageSize> wanted = ImageSize.ofSlug(size);
        if (wanted.isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        String etag = "\"" + id + "-" + size + "\"";
        if (ifNoneMatch != null && (ifNoneMatch.contains(etag) || ifNoneMatch.strip().equals("*"))
                && images.find(id).isPresent()) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(FOREVER).build();
        }
        return images.file(id, wanted.get())
                .map(bytes -> ResponseEntity.ok().contentType(MediaType.IMAGE_JPEG).eTag(etag).cacheControl(FOREVER)
                        .body(bytes))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }
}
