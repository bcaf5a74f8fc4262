package io.mercato.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import io.mercato.catalog.ProductStatus;
import io.mercato.merchant.StoreKind;
import io.mercato.merchant.StoreStatus;
import io.mercato.ordering.OrderStatus;
import io.mercato.ordering.Presale;
import io.mercato.ordering.Refund;
import io.mercato.payment.AccountKind;
import io.mercato.platform.Role;
import io.mercato.platform.Text;
import io.mercato.search.SearchSort;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every text a user can see comes from the two bundles, so a key missing from either, or a Chinese text left in
 * English, is a failure here rather than a key or an English sentence on a Chinese page.
 */
class MessageBundlesTest {

    private static final Path RESOURCES = Path.of("src/main/resources");
    private static final Path TEMPLATES = RESOURCES.resolve("templates");
    private static final Path CODE = Path.of("src/main/java");

    /** {@code #{key}} and {@code #{key(args)}} in a template. */
    private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([A-Za-z][\\w.-]*)\\s*[}(]");
    /** {@code #{'prefix.' + ${…}}}: a key built from a prefix and a value (usually an enum's name). */
    private static final Pattern TEMPLATE_PREFIX = Pattern.compile("#\\{'([A-Za-z][\\w.-]*\\.)'\\s*\\+");
    /** A key named in code: {@code Text.of("key"…)}, {@code getMessage("key"…)}, a page's {@code text("key"…)}. */
    private static final Pattern CODE_KEY = Pattern.compile(
            "(?:Text\\.of|getMessage|\\btext)\\(\\s*\"([A-Za-z][\\w-]*(?:\\.[\\w-]+)+\\.?)\"");

    /** Keys built in code or templates from a prefix and an enum constant's name, and the enum. */
    private static final Map<String, Class<? extends Enum<?>>> ENUM_PREFIXES = Map.of(
            "status.", OrderStatus.class,
            "storeStatus.", StoreStatus.class,
            "productStatus.", ProductStatus.class,
            "kind.", StoreKind.class,
            "search.sort.", SearchSort.class,
            "platform.role.plural.", Role.class);

    /** Enums whose constants are arguments of refusals: each is named by {@link Text#keyOf(Enum)}. */
    private static final List<Class<? extends Enum<?>>> ENUM_ARGUMENTS = List.of(OrderStatus.class,
            Refund.RefundStatus.class, Presale.Status.class, ProductStatus.class, StoreStatus.class, StoreKind.class,
            AccountKind.class);

    /**
     * Chinese texts that need no Chinese character: codes, names, numbers and formats that read the same in both
     * languages. Anything else with Latin words and no CJK character is English left untranslated.
     */
    private static final Pattern SAME_IN_BOTH = Pattern.compile(
            "^[\\s\\p{Punct}\\d{}¥€$£·…—–×÷→←↑↓✓✗★☆%]*$"             // numbers, placeholders, punctuation
                    + "|^(Mercato|Mercato 商家|Mercato 运营|88VIP|SKU|GMV|ROI|CSV|API|ID|URL|UUID|HH:MM|YYYY-MM-DD|"
                    + "YYYY-MM|English|中文|简体中文|Taobao|Tmall|Lighthouse|ECharts|PostgreSQL|Lucene|Swagger|OpenAPI|"
                    + "Prometheus|Thymeleaf|htmx|JSON|UTC|PDF|PNG|JPEG|WebP|Chromium|GitHub|Apache|MIT|OK)$");
    private static final Pattern CJK = Pattern.compile("[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}\\u3000-\\u303F\\uFF00-\\uFFEF]");
    private static final Pattern LATIN_WORD = Pattern.compile("[A-Za-z]{2,}");

    /** Keys whose Chinese text may stay in Latin letters (brand names, formats shown as they are typed). */
    private static final Set<String> LATIN_ALLOWED = Set.of();

    @Test
    void bothBundlesHoldTheSameKeys() throws IOException {
        Set<String> english = new TreeSet<>(keys(bundle("messages.properties")));
        Set<String> chinese = new TreeSet<>(keys(bundle("messages_zh_CN.properties")));

        assertThat(difference(english, chinese)).as("keys in messages.properties missing from messages_zh_CN").isEmpty();
        assertThat(difference(chinese, english)).as("keys in messages_zh_CN missing from messages.properties").isEmpty();
    }

    @Test
    void everyKeyTheTemplatesNameIsInBothBundles() throws IOException {
        Set<String> named = new TreeSet<>();
        Set<String> prefixes = new TreeSet<>();
        for (Path template : files(TEMPLATES, ".html")) {
            String html = Files.readString(template);
            collect(TEMPLATE_KEY, html, named);
            collect(TEMPLATE_PREFIX, html, prefixes);
        }
        assertThat(named).as("keys found in the templates").hasSizeGreaterThan(300);

        assertPresent(named, "templates");
        assertPrefixesUsed(prefixes, "templates");
    }

    @Test
    void everyKeyTheCodeNamesIsInBothBundles() throws IOException {
        Set<String> named = new TreeSet<>();
        Set<String> prefixes = new TreeSet<>();
        for (Path source : files(CODE, ".java")) {
            Matcher keys = CODE_KEY.matcher(Files.readString(source));
            while (keys.find()) {
                String key = keys.group(1);
                (key.endsWith(".") ? prefixes : named).add(key);
            }
        }
        assertThat(named).as("keys found in the code").hasSizeGreaterThan(450);

        assertPresent(named, "code");
        assertPrefixesUsed(prefixes, "code");
    }

    @Test
    void everyKeyBuiltFromAnEnumIsInBothBundles() throws IOException {
        List<String> wanted = new ArrayList<>();
        ENUM_PREFIXES.forEach((prefix, type) -> Arrays.stream(type.getEnumConstants())
                .forEach(constant -> wanted.add(prefix + constant.name())));
        ENUM_ARGUMENTS.forEach(type -> Arrays.stream(type.getEnumConstants()).forEach(c -> wanted.add(Text.keyOf(c))));

        assertPresent(wanted, "enum constants");
    }

    @Test
    void noChineseTextIsLeftInEnglish() throws IOException {
        Properties chinese = bundle("messages_zh_CN.properties");
        List<String> english = new ArrayList<>();
        for (String key : keys(chinese)) {
            String text = chinese.getProperty(key).replaceAll("\\{\\d+[^}]*}", "").strip();
            if (LATIN_ALLOWED.contains(key) || CJK.matcher(text).find() || SAME_IN_BOTH.matcher(text).matches()
                    || !LATIN_WORD.matcher(text).find()) {
                continue;
            }
            english.add(key + "=" + chinese.getProperty(key));
        }
        assertThat(english).as("Chinese texts with no Chinese in them").isEmpty();
    }

    private static void assertPresent(Iterable<String> keys, String where) throws IOException {
        Properties english = bundle("messages.properties");
        Properties chinese = bundle("messages_zh_CN.properties");
        List<String> missing = new ArrayList<>();
        for (String key : keys) {
            if (!english.containsKey(key)) {
                missing.add(key + " (messages.properties)");
            }
            if (!chinese.containsKey(key)) {
                missing.add(key + " (messages_zh_CN.properties)");
            }
        }
        assertThat(missing).as("keys named in the " + where + " but missing from a bundle").isEmpty();
    }

    private static void assertPrefixesUsed(Set<String> prefixes, String where) throws IOException {
        Set<String> english = keys(bundle("messages.properties"));
        Set<String> chinese = keys(bundle("messages_zh_CN.properties"));
        List<String> empty = prefixes.stream()
                .filter(prefix -> english.stream().noneMatch(k -> k.startsWith(prefix))
                        || chinese.stream().noneMatch(k -> k.startsWith(prefix)))
                .toList();
        assertThat(empty).as("key prefixes in the " + where + " with no key in a bundle").isEmpty();
    }

    private static void collect(Pattern pattern, String text, Set<String> into) {
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            into.add(matcher.group(1));
        }
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> left = new TreeSet<>(a);
        left.removeAll(b);
        return left;
    }

    private static Set<String> keys(Properties bundle) {
        return new TreeSet<>(bundle.stringPropertyNames());
    }

    private static Properties bundle(String name) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(RESOURCES.resolve(name), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    private static List<Path> files(Path root, String suffix) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(path -> path.toString().endsWith(suffix)).sorted().toList();
        }
    }
}
