package io.mercato.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import io.mercato.Api;
import io.mercato.MarketFixture.Seller;
import io.mercato.MercatoTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import io.mercato.catalog.Category;
import io.mercato.catalog.Catalog;
import org.springframework.beans.factory.annotation.Autowired;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/** The shopping guide with no model: a need in words becomes search filters it names, with a reason per product. */
@MercatoTest
class ShoppingGuideIT {

    private static long shoes;
    private static long store;
    private static long computers;

    @RegisterExtension
    final AssistantFixture market = new AssistantFixture();

    @Autowired
    Catalog catalog;

    Api buyer;

    @BeforeEach
    void setUp() {
        buyer = market.buyer(0);
        if (shoes != 0) {
            return;
        }
        Seller seller = market.seller("TAOBAO");
        store = seller.storeId();
        shoes = aisle("Shoes", "Shoes 鞋靴", 500);
        computers = aisle("Computers", "Computers & Office 电脑办公", 200);
        market.product(seller, shoes, "Trail Running Shoes 越野跑步鞋", 39_900, Map.of("size", "42"));
        market.product(seller, shoes, "Carbon Racing Running Shoes 碳板竞速跑鞋", 129_900, Map.of("size", "42"));
        market.product(seller, shoes, "Leather Boots 真皮靴", 45_900, Map.of("size", "42"));
        market.product(seller, computers, "Silent Wireless Mouse 静音无线鼠标", 9_900, Map.of("colour", "black"));
        market.product(seller, computers, "Quiet Mechanical Keyboard 静音机械键盘", 29_900, Map.of("colour", "white"));
        long food = aisle("Food", "Food & Grocery 食品生鲜", 200);
        market.product(seller, food, "Longjing Green Tea 龙井绿茶", 8_800, Map.of("weight", "250g"));
        market.awaitSearchable("Longjing", 1);
        market.awaitSearchable("Running", 2);
        market.awaitSearchable("Quiet", 1);
    }

    /**
     * The aisle a request's words lead to: the first category (top-most first) whose name holds the word, as the
     * guide reads the catalog; other tests sharing the database may have made one already. A new one otherwise.
     */
    private long aisle(String word, String name, int commissionBasisPoints) {
        List<Category> all = new ArrayList<>();
        catalog.categoryTree().forEach(c -> flatten(c, all));
        return all.stream().filter(c -> c.name().toLowerCase(Locale.ROOT).contains(word.toLowerCase(Locale.ROOT)))
                .findFirst().map(Category::id).orElseGet(() -> market.namedCategory(name, commissionBasisPoints));
    }

    private static void flatten(Category category, List<Category> into) {
        into.add(category);
        category.children().forEach(c -> flatten(c, into));
    }

    private JsonNode guide(Api as, String request) {
        Api.Response response = as.get("/api/v1/assistant/guide?q=" + URLEncoder.encode(request, StandardCharsets.UTF_8));
        assertThat(response.status()).as("guide %s: %s", request, response).isEqualTo(200);
        return response.json();
    }

    private static String ownReason(JsonNode guidance) {
        return guidance.get("suggestions").valueStream().filter(s -> s.get("product").get("storeId").asLong() == store)
                .findFirst().orElseThrow().get("reason").asString();
    }

    /** The suggested titles of this test's store: other tests share the database and its categories. */
    private static List<String> titles(JsonNode guidance) {
        return guidance.get("suggestions").valueStream().map(s -> s.get("product"))
                .filter(p -> p.get("storeId").asLong() == store).map(p -> p.get("title").asString()).toList();
    }

    private static List<String> kinds(JsonNode guidance) {
        return guidance.get("applied").valueStream().map(a -> a.get("kind").asString()).toList();
    }

    @Test
    void aChineseGiftRequestWithABudgetBecomesACategoryAndAPriceCeiling() {
        JsonNode guidance = guide(buyer.in("zh-CN"), "给爸爸的跑步鞋礼物，500元以内");
        assertThat(kinds(guidance)).contains("category", "maxPrice");
        assertThat(guidance.get("applied").valueStream().filter(a -> a.get("kind").asString().equals("maxPrice"))
                .findFirst().orElseThrow().get("value").asLong()).isEqualTo(50_000);
        assertThat(titles(guidance)).containsExactly("Trail Running Shoes 越野跑步鞋");
        assertThat(ownReason(guidance)).contains("¥399.00", "¥500.00");
        assertThat(guidance.get("applied").toString()).contains("以内");
    }

    @Test
    void anEnglishRequestWithUnderAPriceFindsTheSameAndSaysSoInEnglish() {
        JsonNode guidance = guide(buyer.in("en"), "running shoes for my dad under 500 yuan");
        assertThat(titles(guidance)).containsExactly("Trail Running Shoes 越野跑步鞋");
        assertThat(guidance.get("applied").toString()).contains("up to ¥500.00");
        assertThat(ownReason(guidance)).contains("within your ¥500.00");
    }

    @Test
    void wordsThatMatchNothingTogetherAreTriedAloneWithinTheCategory() {
        JsonNode guidance = guide(buyer.in("en"), "a quiet laptop keyboard for a student");
        assertThat(kinds(guidance)).contains("category");
        assertThat(titles(guidance)).first().isEqualTo("Quiet Mechanical Keyboard 静音机械键盘");
    }

    @Test
    void severalProductsComeWithACheaperRefinementThatKeepsTheRequest() {
        // Products of a store of this test's own, named with a word no other test uses: the refinement is computed
        // from every product found, so the request must find only these.
        Seller other = market.seller("TAOBAO");
        String word = "zephyr" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).replaceAll("[0-9]", "q");
        market.product(other, shoes, word + " Walking Shoes 健步鞋", 30_000, Map.of("size", "42"));
        market.product(other, shoes, word + " Hiking Shoes 登山鞋", 50_000, Map.of("size", "42"));
        market.product(other, shoes, word + " Golf Shoes 高尔夫球鞋", 90_000, Map.of("size", "42"));
        market.awaitSearchable(word, 3);

        JsonNode guidance = guide(buyer.in("en"), word + " shoes for my dad");
        assertThat(guidance.get("suggestions").size()).isEqualTo(3);
        JsonNode cheaper = guidance.get("refinements").valueStream()
                .filter(r -> r.get("label").asString().startsWith("Under")).findFirst().orElseThrow();
        assertThat(cheaper.get("label").asString()).isEqualTo("Under ¥500.00");
        assertThat(cheaper.get("request").asString()).isEqualTo(word + " shoes for my dad under 500 yuan");
        assertThat(guide(buyer.in("en"), cheaper.get("request").asString()).get("suggestions").size()).isEqualTo(2);
    }

    @Test
    void aColourIsASkusColourWhenSomeSkuHasItElseAWordOfTheName() {
        JsonNode mouse = guide(buyer.in("en"), "a black mouse");
        assertThat(titles(mouse)).containsExactly("Silent Wireless Mouse 静音无线鼠标");
        assertThat(mouse.get("applied").toString()).contains("colour: black");

        JsonNode tea = guide(buyer.in("en"), "green tea as a gift under 200 yuan");
        assertThat(titles(tea)).containsExactly("Longjing Green Tea 龙井绿茶");
        assertThat(kinds(tea)).contains("category", "maxPrice").doesNotContain("attribute");
    }

    @Test
    void plainKeywordSearchOfTheSameWordsFindsNothing() {
        Api.Response plain = market.anonymous().get("/api/v1/search?q=" + URLEncoder.encode("给爸爸的跑步鞋礼物，500元以内",
                StandardCharsets.UTF_8));
        assertThat(plain.json().get("total").asLong()).isZero();
    }

    @Test
    void aBlankOrOverlongRequestIsRefusedNamingTheField() {
        Api.Response blank = buyer.get("/api/v1/assistant/guide?q=");
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.body()).contains("\"q\"");
        Api.Response tooLong = buyer.in("zh-CN").get("/api/v1/assistant/guide?q=" + "x".repeat(201));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.body()).contains("200");
    }
}
