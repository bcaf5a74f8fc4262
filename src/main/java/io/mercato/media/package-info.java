/**
 * Media: product and review pictures uploaded by sellers and buyers, checked by their content (JPEG, PNG or WebP),
 * resized to standard sizes and kept in a blob store (a directory under the data directory, an object store later),
 * served under immutable, content-addressed URLs.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"platform", "http"})
package io.mercato.media;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
