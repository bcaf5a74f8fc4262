package io.mercato.reviews;

/** The orders a product's reviews can be read in. */
public enum ReviewSort {
    /** Newest first. */
    NEWEST,
    /** Most stars first, newest first among equals. */
    HIGHEST,
    /** Fewest stars first, newest first among equals. */
    LOWEST,
    /** Reviews with pictures first, then newest first. */
    PICTURES
}
