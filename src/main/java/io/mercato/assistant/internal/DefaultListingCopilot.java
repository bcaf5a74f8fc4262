package io.mercato.assistant.internal;

import io.mercato.assistant.ListingCopilot;
import io.mercato.http.Wording;
import io.mercato.platform.Actor;
import io.mercato.platform.InvalidInputException;
import io.mercato.platform.Role;
import io.mercato.platform.Text;
import io.mercato.search.ProductSearch;
import io.mercato.search.SearchQuery;
import io.mercato.search.SearchResult;
import io.mercato.search.SearchSort;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * The merchant copilot with no model: a title and description in each language from templates in the message bundles
 * filled with the seller's own facts, attributes tidied, and a price from the listed products that match the same
 * words (the median, with the quartiles as the range).
 */
@Service
final class DefaultListingCopilot implements ListingCopilot {

    static final int MAX_FACTS = 10;
    static final int MAX_WORDS = 80;
    static final int TITLE_LIMIT = 60;

    private final ProductSearch search;
    private final Wording wording;

    DefaultListingCopilot(ProductSearch search, Wording wording) {
        this.search = search;
        this.wording = wording;
    }

    @Override
    public ListingDraft draft(Actor seller, ListingFacts facts) {
        seller.require(Role.SELLER, Role.OPERATOR);
        String product = facts.product() == null ? "" : facts.product().strip();
        if (product.isEmpty()) {
            throw new InvalidInputException("product", Text.of("assistant.copilot.productBlank"));
        }
        if (product.length() > MAX_WORDS) {
            throw new InvalidInputException("product", Text.of("assistant.copilot.tooLong", MAX_WORDS, product.length()));
        }
        if (facts.facts().size() > MAX_FACTS) {
            throw new InvalidInputException("facts", Text.of("assistant.copilot.tooManyFacts", MAX_FACTS, facts.facts().size()));
        }
        List<String> given = new ArrayList<>();
        for (String fact : facts.facts()) {
            if (fact == null || fact.isBlank()) {
                continue;
            }
            if (fact.length() > MAX_WORDS) {
                throw new InvalidInputException("facts", Text.of("assistant.copilot.tooLong", MAX_WORDS, fact.length()));
            }
            given.add(fact.strip());
        }
        if (facts.attributes().size() > MAX_FACTS) {
            throw new InvalidInputException("attributes", Text.of("assistant.copilot.tooManyFacts", MAX_FACTS,
                    facts.attributes().size()));
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        facts.attributes().forEach((k, v) -> {
            if (k == null || k.isBlank() || v == null || v.isBlank() || k.length() > MAX_WORDS || v.length() > MAX_WORDS) {
                throw new InvalidInputException("attributes", Text.of("assistant.copilot.badAttribute", String.valueOf(k)));
            }
            attributes.put(k.strip().toLowerCase(Locale.ROOT), v.strip());
        });
        String image = facts.imageUrl() == null || facts.imageUrl().isBlank() ? null : image(facts.imageUrl().strip());
        String brand = facts.brand() == null || facts.brand().isBlank() ? "" : facts.brand().strip();
        if (brand.length() > MAX_WORDS) {
            throw new InvalidInputException("brand", Text.of("assistant.copilot.tooLong", MAX_WORDS, brand.length()));
        }
        return new ListingDraft(language(Locale.ENGLISH, brand, product, given, attributes),
                language(Locale.SIMPLIFIED_CHINESE, brand, product, given, attributes), attributes, image,
                suggestPrice(product, facts.categoryId()), "builtin");
    }

    private Language language(Locale locale, String brand, String product, List<String> facts, Map<String, String> attributes) {
        String head = (brand.isEmpty() ? "" : brand + " ") + product;
        String separator = wording.of(Text.of("assistant.copilot.titleSeparator"), locale);
        StringBuilder title = new StringBuilder(head);
        for (String fact : facts) {
            if (title.length() + separator.length() + fact.length() > TITLE_LIMIT) {
                break;
            }
            title.append(separator).append(fact);
        }
        List<String> bullets = new ArrayList<>(facts);
        attributes.forEach((k, v) -> bullets.add(wording.of(Text.of("assistant.copilot.attributeBullet", k, v), locale)));
        String description = wording.of(Text.of(facts.isEmpty() ? "assistant.copilot.descriptionPlain"
                : "assistant.copilot.description", head, String.join(wording.of(Text.of("assistant.copilot.listSeparator"),
                locale), facts)), locale);
        return new Language(title.toString(), description, bullets);
    }

    private static String image(String url) {
        try {
            URI uri = URI.create(url);
            if (url.length() > 500 || uri.getHost() == null
                    || !("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))) {
                throw new IllegalArgumentException();
            }
            return uri.toString();
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("imageUrl", Text.of("assistant.copilot.badImage"));
        }
    }

    /** The median price of up to 50 listed products matching the words (in the category, when given). */
    @Nullable PriceSuggestion suggestPrice(String product, @Nullable Long categoryId) {
        String text = product.length() > SearchQuery.MAX_TEXT ? product.substring(0, SearchQuery.MAX_TEXT) : product;
        SearchResult found = search.search(new SearchQuery(text, categoryId, null, Set.of(), Set.of(), null, null, false,
                Map.of(), SearchSort.RELEVANCE, 0, 50, false));
        if (found.hits().isEmpty()) {
            return null;
        }
        String currency = found.hits().getFirst().currency();
        List<SearchResult.Hit> same = found.hits().stream().filter(h -> h.currency().equals(currency)).toList();
        long[] prices = same.stream().mapToLong(SearchResult.Hit::priceMinor).sorted().toArray();
        return new PriceSuggestion(prices[prices.length / 2], prices[prices.length / 4], prices[prices.length * 3 / 4],
                currency, prices.length, same.stream().map(SearchResult.Hit::productId).limit(10).toList());
    }
}
