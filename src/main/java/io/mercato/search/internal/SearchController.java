package io.mercato.search.internal;

import io.mercato.merchant.StoreKind;
import io.mercato.platform.Actor;
import io.mercato.platform.InvalidInputException;
import io.mercato.platform.Text;
import io.mercato.search.ProductSearch;
import io.mercato.search.ProductSearch.SynonymRule;
import io.mercato.search.RebuildProgress;
import io.mercato.search.SearchQuery;
import io.mercato.search.SearchResult;
import io.mercato.search.SearchSort;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.ArrayList;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Search", description = "Product search with facets; index rebuild and synonyms for operators")
class SearchController {

    private final ProductSearch search;

    SearchController(ProductSearch search) {
        this.search = search;
    }

    record NewSynonym(@Nullable String rule) {
    }

    @GetMapping("/search")
    @Operation(summary = "Search listed products", description = "attr takes name:value, repeatable (attr=colour:red&attr=size:M); "
            + "sort is relevance, sales, price_asc, price_desc or newest; prices are in minor units")
    SearchResult search(@RequestParam(name = "q", required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable Long category, @RequestParam(required = false) @Nullable Long store,
            @RequestParam(name = "brand", required = false) @Nullable List<Long> brands,
            @RequestParam(name = "kind", required = false) @Nullable List<String> kinds,
            @RequestParam(required = false) @Nullable Long minPrice, @RequestParam(required = false) @Nullable Long maxPrice,
            @RequestParam(defaultValue = "false") boolean inStock,
            @RequestParam(name = "attr", required = false) @Nullable List<String> attributes,
            @RequestParam(defaultValue = "relevance") String sort, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size, @RequestParam(defaultValue = "true") boolean facets) {
        return search.search(new SearchQuery(q, category, store, brands == null ? Set.of() : Set.copyOf(brands), kinds(kinds),
                minPrice, maxPrice, inStock, attributes(attributes), sort(sort), page, size, facets));
    }

    private static Set<StoreKind> kinds(@Nullable List<String> kinds) {
        Set<StoreKind> result = EnumSet.noneOf(StoreKind.class);
        for (String kind : kinds == null ? List.<String>of() : kinds) {
            try {
                result.add(StoreKind.valueOf(kind.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("kind", Text.of("search.storeKindNotOne", kind, List.of(StoreKind.values())));
            }
        }
        return result;
    }

    private static Map<String, List<String>> attributes(@Nullable List<String> attributes) {
        Map<String, List<String>> result = new LinkedHashMap<>();
        for (String attribute : attributes == null ? List.<String>of() : attributes) {
            int colon = attribute.indexOf(':');
            if (colon <= 0 || colon == attribute.length() - 1 || attribute.length() > 150) {
                throw new InvalidInputException("attr", Text.of("search.attributeFilterMustNameValue", attribute));
            }
            result.computeIfAbsent(attribute.substring(0, colon), k -> new ArrayList<>()).add(attribute.substring(colon + 1));
        }
        return result;
    }

    private static SearchSort sort(String sort) {
        try {
            return SearchSort.valueOf(sort.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("sort", Text.of("search.sortNotOneRelevanceSales", sort));
        }
    }

    @GetMapping("/operator/search/rebuild")
    RebuildProgress progress(Actor actor) {
        return search.rebuildProgress(actor);
    }

    @PostMapping("/operator/search/rebuild")
    @ResponseStatus(HttpStatus.ACCEPTED)
    RebuildProgress rebuild(Actor actor) {
        return search.rebuild(actor);
    }

    @GetMapping("/operator/search/synonyms")
    List<SynonymRule> synonyms(Actor actor) {
        return search.synonyms(actor);
    }

    @PostMapping("/operator/search/synonyms")
    @ResponseStatus(HttpStatus.CREATED)
    SynonymRule addSynonym(@RequestBody NewSynonym request, Actor actor) {
        return search.addSynonym(actor, request.rule() == null ? "" : request.rule());
    }

    @DeleteMapping("/operator/search/synonyms/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removeSynonym(@PathVariable long id, Actor actor) {
        search.removeSynonym(actor, id);
    }
}
