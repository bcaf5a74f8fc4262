package io.mercato.assistant.internal;

import io.mercato.catalog.Catalog;
import io.mercato.catalog.Category;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Query understanding without a model: a shopper's request in Chinese or English becomes a price range ("500元以内",
 * "under 500 yuan", "300-500元", "200元以上"), a category (from the words that name one, {@code assistant/needs.tsv}),
 * SKU attributes (colours) and the words left to match titles, once the words that only say who or why
 * ({@code assistant/fillers.tsv}) are set aside.
 */
@Component
final class RequestUnderstanding {

    private static final String NUMBER = "(\\d{1,7}(?:\\.\\d{1,2})?)";
    private static final String CURRENCY = "\\s*(?:元|块钱|块|yuan|rmb|cny|kuai)?";
    private static final Pattern RANGE = Pattern.compile("(?i)[¥￥]?" + NUMBER + CURRENCY + "\\s*(?:-|~|～|到|至|to)\\s*[¥￥]?"
            + NUMBER + CURRENCY);
    private static final Pattern MAX_AFTER = Pattern.compile("(?i)[¥￥]?" + NUMBER + CURRENCY + "\\s*(?:以内|以下|之内|内)");
    private static final Pattern MAX_BEFORE = Pattern.compile("(?i)(?:under|below|less than|within|up to|at most|max(?:imum)?"
            + "|cheaper than|不超过|不到|低于|少于|最多)\\s*[¥￥]?\\s*" + NUMBER + CURRENCY);
    private static final Pattern MIN_AFTER = Pattern.compile("(?i)[¥￥]?" + NUMBER + CURRENCY + "\\s*以上");
    private static final Pattern MIN_BEFORE = Pattern.compile("(?i)(?:over|above|more than|at least|from|超过|高于|不低于)"
            + "\\s*[¥￥]?\\s*" + NUMBER + CURRENCY);
    private static final Pattern PUNCTUATION = Pattern.compile("[\\p{Punct}，。！？、；：“”‘’（）\\s]+");
    private static final Map<String, String> COLOURS = colours();

    private final Catalog catalog;
    private final List<Map.Entry<String, String>> needs;
    private final List<String> fillers;

    RequestUnderstanding(Catalog catalog) {
        this.catalog = catalog;
        this.needs = read("/assistant/needs.tsv").stream().map(l -> l.split("\t", 2))
                .map(p -> Map.entry(p[0].toLowerCase(Locale.ROOT), p[1]))
                .sorted(Comparator.comparingInt((Map.Entry<String, String> e) -> e.getKey().length()).reversed())
                .toList();
        this.fillers = read("/assistant/fillers.tsv").stream().map(w -> w.toLowerCase(Locale.ROOT))
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    /**
     * @param keywords the words left for the titles (may be blank)
     * @param category the category the request names, null when none
     * @param attributes SKU attribute values the request asks for
     * @param attributeWords the request's words those values were read from ("红色", "green")
     */
    record Understood(String keywords, @Nullable Category category, @Nullable Long minPriceMinor,
            @Nullable Long maxPriceMinor, Map<String, List<String>> attributes, List<String> attributeWords) {
    }

    Understood understand(String request) {
        String rest = " " + request.strip() + " ";
        Long min = null;
        Long max = null;
        Matcher range = RANGE.matcher(rest);
        if (range.find()) {
            long a = minor(range.group(1));
            long b = minor(range.group(2));
            min = Math.min(a, b);
            max = Math.max(a, b);
            rest = cut(rest, range);
        } else {
            Matcher m = MAX_AFTER.matcher(rest);
            if (m.find() || (m = MAX_BEFORE.matcher(rest)).find()) {
                max = minor(m.group(1));
                rest = cut(rest, m);
            }
            Matcher n = MIN_AFTER.matcher(rest);
            if (n.find() || (n = MIN_BEFORE.matcher(rest)).find()) {
                min = minor(n.group(1));
                rest = cut(rest, n);
            }
        }
        String lower = rest.toLowerCase(Locale.ROOT);
        Category category = null;
        for (Map.Entry<String, String> need : needs) {
            if (contains(lower, need.getKey())) {
                category = categoryNamed(need.getValue());
                if (category != null) {
                    break;
                }
            }
        }
        Map<String, List<String>> attributes = new LinkedHashMap<>();
        Set<String> colours = new LinkedHashSet<>();
        List<String> colourWords = new ArrayList<>();
        for (Map.Entry<String, String> colour : COLOURS.entrySet()) {
            if (contains(lower, colour.getKey())) {
                colours.add(colour.getValue());
                colourWords.add(colour.getKey());
                lower = remove(lower, colour.getKey());
            }
        }
        if (!colours.isEmpty()) {
            attributes.put("colour", List.copyOf(colours));
        }
        for (String filler : fillers) {
            lower = remove(lower, filler);
        }
        String keywords = PUNCTUATION.matcher(lower).replaceAll(" ").strip();
        return new Understood(keywords, category, min, max, attributes, colourWords);
    }

    /** Latin words match whole; Chinese words anywhere (Chinese has no spaces). */
    private static boolean contains(String text, String word) {
        if (isLatin(word)) {
            return Pattern.compile("(?<![\\p{L}\\d])" + Pattern.quote(word) + "(?![\\p{L}\\d])").matcher(text).find();
        }
        return text.contains(word);
    }

    private static String remove(String text, String word) {
        if (isLatin(word)) {
            return Pattern.compile("(?<![\\p{L}\\d])" + Pattern.quote(word) + "(?![\\p{L}\\d])").matcher(text).replaceAll(" ");
        }
        return text.replace(word, " ");
    }

    private static boolean isLatin(String word) {
        return word.chars().allMatch(c -> c < 0x2E80);
    }

    private static String cut(String text, Matcher m) {
        return text.substring(0, m.start()) + " " + text.substring(m.end());
    }

    private static long minor(String yuan) {
        return new java.math.BigDecimal(yuan).movePointRight(2).longValue();
    }

    private @Nullable Category categoryNamed(String fragment) {
        String wanted = fragment.toLowerCase(Locale.ROOT);
        List<Category> all = new ArrayList<>();
        catalog.categoryTree().forEach(c -> flatten(c, all));
        // The top-most category whose name holds the fragment: "Shoes" is the aisle, not one of its sub-categories.
        return all.stream().filter(c -> c.name().toLowerCase(Locale.ROOT).contains(wanted)).findFirst().orElse(null);
    }

    private static void flatten(Category category, List<Category> into) {
        into.add(category);
        category.children().forEach(c -> flatten(c, into));
    }

    private static Map<String, String> colours() {
        Map<String, String> map = new LinkedHashMap<>();
        for (String[] pair : new String[][] {{"black", "black"}, {"黑色", "black"}, {"white", "white"}, {"白色", "white"},
                {"blue", "blue"}, {"蓝色", "blue"}, {"red", "red"}, {"红色", "red"}, {"grey", "grey"}, {"gray", "grey"},
                {"灰色", "grey"}, {"green", "green"}, {"绿色", "green"}}) {
            map.put(pair[0], pair[1]);
        }
        return map;
    }

    private static List<String> read(String resource) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(
                RequestUnderstanding.class.getResourceAsStream(resource), StandardCharsets.UTF_8))) {
            return lines.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).map(String::strip).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
