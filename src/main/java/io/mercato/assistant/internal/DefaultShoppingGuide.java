package io.mercato.assistant.internal;

import io.mercato.assistant.ShoppingGuide;
import io.mercato.http.Wording;
import io.mercato.platform.InvalidInputException;
import io.mercato.platform.Text;
import io.mercato.search.ProductSearch;
import io.mercato.search.SearchQuery;
import io.mercato.search.SearchResult;
import io.mercato.search.SearchSort;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * The shopping guide with no model: {@link RequestUnderstanding} turns the request into filters and keywords, the
 * search index answers, and each product gets a reason built from what it matched. When every keyword together finds
 * nothing, a colour is read as a word of the name instead, then each keyword is tried alone, then the filters alone,
 * and the guidance says so.
 */
@Service
final class DefaultShoppingGuide implements ShoppingGuide {

    private final RequestUnderstanding understanding;
    private final ProductSearch search;
    private final Wording wording;

    DefaultShoppingGuide(RequestUnderstanding understanding, ProductSearch search, Wording wording) {
        this.understanding = understanding;
        this.search = search;
        this.wording = wording;
    }

    @Override
    public Guidance guide(String request, Locale locale, int size) {
        if (request == null || request.isBlank()) {
            throw new InvalidInputException("q", Text.of("assistant.guide.blank"));
        }
        if (request.length() > MAX_REQUEST) {
            throw new InvalidInputException("q", Text.of("assistant.guide.tooLong", MAX_REQUEST, request.length()));
        }
        if (size < 1 || size > 50) {
            throw new InvalidInputException("size", Text.of("assistant.guide.size", 50, size));
        }
        RequestUnderstanding.Understood wanted = understanding.understand(request);
        List<AppliedFilter> applied = new ArrayList<>();
        Long categoryId = wanted.category() == null ? null : wanted.category().id();
        if (wanted.category() != null) {
            applied.add(new AppliedFilter("category", String.valueOf(categoryId), say(locale, "assistant.guide.applied.category",
                    wanted.category().name())));
        }
        if (wanted.minPriceMinor() != null) {
            applied.add(new AppliedFilter("minPrice", String.valueOf(wanted.minPriceMinor()), say(locale,
                    "assistant.guide.applied.minPrice", Amounts.format(wanted.minPriceMinor(), "CNY"))));
        }
        if (wanted.maxPriceMinor() != null) {
            applied.add(new AppliedFilter("maxPrice", String.valueOf(wanted.maxPriceMinor()), say(locale,
                    "assistant.guide.applied.maxPrice", Amounts.format(wanted.maxPriceMinor(), "CNY"))));
        }
        wanted.attributes().forEach((name, values) -> applied.add(new AppliedFilter("attribute", name + "=" + String.join("|", values),
                say(locale, "assistant.guide.applied.attribute", name, String.join(", ", values)))));

        String keywords = wanted.keywords();
        Map<String, List<String>> attributes = wanted.attributes();
        SearchResult result = query(keywords, categoryId, wanted, attributes, size);
        boolean relaxed = false;
        if (result.hits().isEmpty() && !attributes.isEmpty()) {
            // A colour word is often part of the name ("green tea") rather than a SKU's colour.
            attributes = Map.of();
            String withColours = (keywords + " " + String.join(" ", wanted.attributeWords())).strip();
            result = query(withColours, categoryId, wanted, attributes, size);
            applied.removeIf(f -> f.kind().equals("attribute"));
            if (!result.hits().isEmpty()) {
                keywords = withColours;
            }
        }
        if (result.hits().isEmpty() && keywords.contains(" ")) {
            result = eachWord(keywords, categoryId, wanted, attributes, size);
            relaxed = true;
        }
        if (result.hits().isEmpty() && !keywords.isBlank() && !applied.isEmpty()) {
            result = query("", categoryId, wanted, attributes, size);
            relaxed = true;
            keywords = "";
        }
        List<Suggestion> suggestions = new ArrayList<>();
        for (SearchResult.Hit hit : result.hits()) {
            suggestions.add(new Suggestion(hit, reason(hit, wanted, locale)));
        }
        List<Refinement> refinements = refinements(request, result, wanted, locale);
        if (relaxed && !applied.isEmpty()) {
            applied.add(new AppliedFilter("relaxed", "", say(locale, "assistant.guide.applied.relaxed")));
        }
        return new Guidance(request, keywords, applied, suggestions, refinements, result.total(), "builtin");
    }

    private SearchResult query(String text, @Nullable Long categoryId, RequestUnderstanding.Understood wanted,
            Map<String, List<String>> attributes, int size) {
        return search.search(new SearchQuery(text.isBlank() ? null : text, categoryId, null, Set.of(), Set.of(),
                wanted.minPriceMinor(), wanted.maxPriceMinor(), false, attributes, SearchSort.RELEVANCE, 0, size, true));
    }

    /** Each word alone, best first within each, interleaved; products found by more words first. */
    private SearchResult eachWord(String keywords, @Nullable Long categoryId, RequestUnderstanding.Understood wanted,
            Map<String, List<String>> attributes, int size) {
        Map<Long, SearchResult.Hit> hits = new LinkedHashMap<>();
        Map<Long, Integer> found = new LinkedHashMap<>();
        SearchResult last = null;
        for (String word : keywords.split("\\s+")) {
            last = query(word, categoryId, wanted, attributes, size);
            for (SearchResult.Hit hit : last.hits()) {
                hits.putIfAbsent(hit.productId(), hit);
                found.merge(hit.productId(), 1, Integer::sum);
            }
        }
        List<SearchResult.Hit> ranked = hits.values().stream()
                .sorted((a, b) -> found.get(b.productId()) - found.get(a.productId()))
                .limit(size).toList();
        return new SearchResult(hits.size(), false, 0, size, ranked, null, last == null ? null : last.facets(), 0);
    }

    private String reason(SearchResult.Hit hit, RequestUnderstanding.Understood wanted, Locale locale) {
        List<String> parts = new ArrayList<>();
        if (hit.highlightedTitle().contains("<em>")) {
            parts.add(say(locale, "assistant.guide.reason.matches", words(hit.highlightedTitle())));
        } else if (wanted.category() != null) {
            parts.add(say(locale, "assistant.guide.reason.category", wanted.category().name()));
        }
        if (wanted.maxPriceMinor() != null) {
            parts.add(say(locale, "assistant.guide.reason.withinBudget", Amounts.format(hit.priceMinor(), hit.currency()),
                    Amounts.format(wanted.maxPriceMinor(), "CNY")));
        } else {
            parts.add(say(locale, "assistant.guide.reason.price", Amounts.format(hit.priceMinor(), hit.currency())));
        }
        if (hit.sales() > 0) {
            parts.add(say(locale, "assistant.guide.reason.sold", hit.sales()));
        }
        if (!hit.inStock()) {
            parts.add(say(locale, "assistant.guide.reason.outOfStock"));
        }
        return String.join(wording.of(Text.of("assistant.guide.reason.separator"), locale), parts);
    }

    /** The matched words of a highlighted title, de-duplicated: {@code Running <em>Shoes</em>} gives "Shoes". */
    private static String words(String highlighted) {
        java.util.Set<String> words = new java.util.LinkedHashSet<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<em>(.*?)</em>").matcher(highlighted);
        while (m.find()) {
            words.add(org.springframework.web.util.HtmlUtils.htmlUnescape(m.group(1)));
        }
        return String.join(", ", words);
    }

    private List<Refinement> refinements(String request, SearchResult result, RequestUnderstanding.Understood wanted,
            Locale locale) {
        List<Refinement> refinements = new ArrayList<>();
        SearchResult.Facets facets = result.facets();
        if (facets != null) {
            facets.categories().stream().filter(c -> c.count() > 0).limit(2).forEach(c -> refinements.add(new Refinement(
                    say(locale, "assistant.guide.refine.category", c.name()), request + " " + c.name())));
            facets.brands().stream().filter(b -> b.count() > 0).limit(2).forEach(b -> refinements.add(new Refinement(
                    say(locale, "assistant.guide.refine.brand", b.value()), request + " " + b.value())));
        }
        if (result.hits().size() > 1) {
            long cheapest = result.hits().stream().mapToLong(SearchResult.Hit::priceMinor).min().orElse(0);
            long ceiling = wanted.maxPriceMinor() != null ? wanted.maxPriceMinor() / 2
                    : result.hits().stream().mapToLong(SearchResult.Hit::priceMinor).sorted().skip(result.hits().size() / 2)
                            .findFirst().orElse(0);
            if (ceiling > cheapest) {
                String yuan = String.valueOf(ceiling / 100);
                String base = PRICE_WORDS.matcher(request).replaceAll("").strip();
                refinements.add(new Refinement(say(locale, "assistant.guide.refine.cheaper", Amounts.format(ceiling, "CNY")),
                        say(locale, "assistant.guide.refine.cheaperRequest", base, yuan)));
            }
        }
        return refinements;
    }

    private static final java.util.regex.Pattern PRICE_WORDS = java.util.regex.Pattern.compile(
            "(?i)[,，]?\\s*(?:under|below|within|up to|不超过|低于)?\\s*[¥￥]?\\d+(?:\\.\\d+)?\\s*(?:元|块|yuan|rmb)?\\s*(?:以内|以下|之内)?");

    private String say(Locale locale, String key, Object... args) {
        return wording.of(Text.of(key, args), locale);
    }
}
