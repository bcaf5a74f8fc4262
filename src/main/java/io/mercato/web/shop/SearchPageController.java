package io.mercato.web.shop;

import io.mercato.merchant.StoreKind;
import io.mercato.platform.InvalidInputException;
import io.mercato.search.ProductSearch;
import io.mercato.search.SearchQuery;
import io.mercato.search.SearchResult;
import io.mercato.search.SearchSort;
import io.mercato.web.common.Said;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The shop's search results: the header's search box lands here, with facets to narrow the matches. */
@Controller
final class SearchPageController {

    static final int PAGE_SIZE = 24;

    private final ProductSearch search;
    private final SponsoredTiles sponsored;
    private final PricingView pricing;
    private final io.mercato.reviews.Reviews reviews;

    SearchPageController(ProductSearch search, SponsoredTiles sponsored, PricingView pricing,
            io.mercato.reviews.Reviews reviews) {
        this.pricing = pricing;
        this.reviews = reviews;
        this.search = search;
        this.sponsored = sponsored;
    }

    @GetMapping("/search")
    String search(@RequestParam(defaultValue = "") String q, @RequestParam(required = false) @Nullable Long category,
            @RequestParam(required = false) @Nullable Long brand, @RequestParam(required = false) @Nullable StoreKind kind,
            @RequestParam(required = false) @Nullable Long minPrice, @RequestParam(required = false) @Nullable Long maxPrice,
            @RequestParam(defaultValue = "false") boolean inStock, @RequestParam(defaultValue = "RELEVANCE") SearchSort sort,
            @RequestParam(defaultValue = "0") int page, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        model.addAttribute("q", q);
        model.addAttribute("category", category);
        model.addAttribute("brand", brand);
        model.addAttribute("kind", kind);
        model.addAttribute("minPrice", minPrice);
        model.addAttribute("maxPrice", maxPrice);
        model.addAttribute("inStock", inStock);
        model.addAttribute("sort", sort);
        model.addAttribute("sorts", SearchSort.values());
        try {
            SearchResult result = search.search(new SearchQuery(q.isBlank() ? null : q.strip(), category, null,
                    brand == null ? Set.of() : Set.of(brand), kind == null ? Set.of() : Set.of(kind), minPrice, maxPrice,
                    inStock, Map.of(), sort, Math.max(0, page), PAGE_SIZE, true));
            model.addAttribute("result", result);
            model.addAttribute("hits", result.hits());
            model.addAttribute("storeRatings", reviews.ofStores(
                    result.hits().stream().map(SearchResult.Hit::storeId).distinct().toList()));
            model.addAttribute("prices", pricing.productPrices(result.hits().stream().map(SearchResult.Hit::productId).toList(),
                    io.mercato.http.CurrentActor.find().orElse(null)));
            model.addAttribute("ads", result.page() == 0 && !result.hits().isEmpty() ? sponsored.forSearch(
                    result.hits().stream().map(SearchResult.Hit::productId).collect(Collectors.toSet()),
                    result.hits().stream().map(SearchResult.Hit::categoryId).collect(Collectors.toSet()), request, response)
                    : List.of());
            model.addAttribute("page", result.page());
            model.addAttribute("pages", Math.max(1, Math.min((result.total() + PAGE_SIZE - 1) / PAGE_SIZE,
                    SearchQuery.MAX_WINDOW / PAGE_SIZE)));
        } catch (InvalidInputException e) {
            model.addAttribute("error", Said.of(e));
            model.addAttribute("hits", List.of());
            model.addAttribute("storeRatings", Map.of());
            model.addAttribute("prices", Map.of());
            model.addAttribute("ads", List.of());
            model.addAttribute("page", 0);
            model.addAttribute("pages", 1);
        }
        return "shop/search";
    }
}
