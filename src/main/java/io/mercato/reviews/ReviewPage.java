package io.mercato.reviews;

import java.util.List;

/** One page of reviews and how many match in all. */
public record ReviewPage(List<Review> items, long total, int page, int size) {

    public ReviewPage {
        items = List.copyOf(items);
    }

    public boolean hasNext() {
        return (long) (page + 1) * size < total;
    }
}
