package io.mercato.catalog;

public enum ProductStatus {
    /** Being prepared; buyers cannot see it. */
    DRAFT,
    /** For sale. */
    LISTED,
    /** Taken off sale; can be listed again. */
    DELISTED
}
