package io.mercato.web.shop;

import io.mercato.catalog.Catalog;
import io.mercato.catalog.Category;
import io.mercato.catalog.Product;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The home page's featured products: the newest of each top category, so the page shows the whole range, topped
 * up with the newest products overall when there are few categories.
 */
@Component
final class Showcase {

    static final int AT_LEAST = 12;
    static final int AT_MOST = 24;

    private final Catalog catalog;

    Showcase(Catalog catalog) {
        this.catalog = catalog;
    }

    List<Product> featured(List<Category> tree) {
        List<Product> newestOfEach = new ArrayList<>();
        for (Category category : tree) {
            newestOfEach.addAll(catalog.browse(category.id(), null, Catalog.Sort.NEWEST, 0, 1).items());
        }
        List<Product> newest = newestOfEach.size() < AT_LEAST
                ? catalog.browse(null, null, Catalog.Sort.NEWEST, 0, AT_LEAST).items()
                : List.of();
        return pick(newestOfEach, newest);
    }

    /** The newest of each category first, then the newest overall not already shown, up to the limits. */
    static List<Product> pick(List<Product> newestOfEach, List<Product> newest) {
        List<Product> featured = new ArrayList<>(newestOfEach);
        if (featured.size() < AT_LEAST) {
            newest.stream().filter(p -> featured.stream().noneMatch(f -> f.id() == p.id()))
                    .limit(AT_LEAST - featured.size()).forEach(featured::add);
        }
        return featured.stream().limit(AT_MOST).toList();
    }
}
