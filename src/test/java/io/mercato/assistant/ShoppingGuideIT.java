package io.mercato.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import io.mercato.Api;
import io.mercato.MarketFixture.Seller;
import io.mercato.MercatoTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/** The shopping guide with no model: a need in words becomes search filters it names, with a reason per product. */
@MercatoTest
class ShoppingGuideIT {

    private static long shoes;
    private static long computers;

    @RegisterExtension
    final AssistantFixture market = new AssistantFixture();

    Api buyer;

    @BeforeEach
    void setUp() {
        buyer = market.buyer(0);
        if (shoes != 0) {
            return;
        }
        Seller seller = market.seller("TAOBAO");
        shoes = market.namedCategory("Shoes 鞋靴", 500);
        computers = market.namedCategory("Computers & Office 电脑办公", 200);
        market.product(seller, shoes, "Trail Running Shoes 越野跑步鞋", 39_900, Map.of("size", "42"));
        market.product(seller, shoes, "Carbon Racing Running Shoes 碳板竞速跑鞋", 129_900, Map.of("size", "42"));
        market.product(seller, shoes, "Leather Boots 真皮靴", 45_900, Map.of("size", "42"));
        market.product(seller, computers, "Silent Wireless Mouse 静音无线鼠标", 9_900, Map.of("colour", "black"));
        market.product(seller, computers, "Quiet Mechanical Keyboard 静音机械键盘", 29_900, Map.of("colour", "white"));
        long food = market.namedCategory("Food & Grocery 食品生鲜", 200);
        market.product(seller, food, "Longjing Green Tea 龙井绿茶", 8_800, Map.of("weight", "250g"));
        market.awaitSearchable("Longjing", 1);
        market.awaitSearchable("Running", 2);
        market.awaitSearchable("Quiet", 1);
    }

    private JsonNode guide(Api as, String request) {
        Api.Response response = as.get("/api/v1/assistant/guide?q=" + URLEncoder.encode(request, StandardCharsets.UTF_8));
        assertThat(response.status()).as("guide %s: %s", request, response).isEqualTo(200);
        return response.json();
    }

    private static List<String> titles(JsonNode guidance) {
        return guidance.get("suggestions").valueStream().map(s -> s.get("product").get("title").asString()).toList();
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
        assertThat(guidance.get("suggestions").get(0).get("reason").asString()).contains("¥399.00", "¥500.00");
        assertThat(guidance.get("applied").toString()).contains("以内");
    }

    @Test
    void anEnglishRequestWithUnderAPriceFindsTheSameAndSaysSoInEnglish() {
        JsonNode guidance = guide(buyer.in("en"), "running shoes for my dad under 500 yuan");
        assertThat(titles(guidance)).containsExactly("Trail Running Shoes 越野跑步鞋");
        assertThat(guidance.get("applied").toString()).contains("up to ¥500.00");
        assertThat(guidance.get("suggestions").get(0).get("reason").asString()).contains("within your ¥500.00");
    }

    @Test
    void wordsThatMatchNothingTogetherAreTriedAloneWithinTheCategory() {
        JsonNode guidance = guide(buyer.in("en"), "a quiet laptop keyboard for a student");
        assertThat(kinds(guidance)).contains("category");
        assertThat(titles(guidance)).first().isEqualTo("Quiet Mechanical Keyboard 静音机械键盘");
    }

    @Test
    void severalProductsComeWithACheaperRefinementThatKeepsTheRequest() {
        JsonNode guidance = guide(buyer.in("en"), "shoes for my dad");
        assertThat(titles(guidance)).hasSize(3);
        JsonNode cheaper = guidance.get("refinements").valueStream()
                .filter(r -> r.get("label").asString().startsWith("Under")).findFirst().orElseThrow();
        assertThat(cheaper.get("label").asString()).isEqualTo("Under ¥459.00");
        assertThat(cheaper.get("request").asString()).isEqualTo("shoes for my dad under 459 yuan");
        assertThat(titles(guide(buyer.in("en"), cheaper.get("request").asString()))).hasSize(2);
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
