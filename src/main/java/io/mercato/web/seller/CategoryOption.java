package io.mercato.web.seller;

import io.mercato.catalog.Category;
import java.util.ArrayList;
import java.util.List;

/** A category as the product editor's drop-down lists it: the whole tree, each labelled with its path. */
record CategoryOption(long id, String label) {

    static List<CategoryOption> flatten(List<Category> tree) {
        return flatten(tree, "");
    }

    private static List<CategoryOption> flatten(List<Category> tree, String prefix) {
        List<CategoryOption> options = new ArrayList<>();
        for (Category category : tree) {
            options.add(new CategoryOption(category.id(), prefix + category.name()));
            options.addAll(flatten(category.children(), prefix + category.name() + " › "));
        }
        return options;
    }
}
