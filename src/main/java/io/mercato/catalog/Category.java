package io.mercato.catalog;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A node of the category tree.
 *
 * @param commissionBasisPoints the commission Tmall stores pay on sales in this category (100 = 1%)
 */
public record Category(long id, @Nullable Long parentId, String name, int commissionBasisPoints,
        List<Category> children) {

    public Category {
        children = List.copyOf(children);
    }
}
