package io.mercato.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.mercato.Api;
import io.mercato.MarketFixture.Seller;
import io.mercato.MercatoTest;
import io.mercato.search.SearchFixture.Variant;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A judged set: a shop of Chinese, English and mixed titles, and for each query the products that must rank
 * at the top. Queries are scoped to the test's store so other tests' products do not interfere.
 */
@MercatoTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchRelevanceIT {

    @LocalServerPort
    int port;

    SearchFixture fixture;
    Seller seller;
    final Map<String, Long> products = new LinkedHashMap<>();

    @BeforeAll
    void catalog() {
        fixture = new SearchFixture(port);
        seller = fixture.market.seller("TAOBAO");
        long phones = fixture.category("Phones 手机 " + System.nanoTime(), null);
        long cases = fixture.category("Phone accessories 配件 " + System.nanoTime(), phones);
        long shoes = fixture.category("Shoes 鞋 " + System.nanoTime(), null);
        long audio = fixture.category("Audio 音频 " + System.nanoTime(), null);
        long computers = fixture.category("Computers 电脑 " + System.nanoTime(), null);
        long clothes = fixture.category("Clothing 服装 " + System.nanoTime(), null);
        long food = fixture.category("Food 食品 " + System.nanoTime(), null);
        Api api = seller.api();
        long apple = fixture.brand(api, "Apple");
        long nike = fixture.brand(api, "Nike");
        add("iphone-case", "iPhone 15 Pro 手机壳 透明防摔", cases, apple);
        add("iphone", "Apple iPhone 15 Pro Max mobile phone 256GB", phones, apple);
        add("huawei", "华为 Mate 60 手机 5G 全网通", phones, null);
        add("redmi", "Xiaomi Redmi Note 13 smartphone", phones, null);
        add("nike-run", "Nike Air Zoom running shoes men", shoes, nike);
        add("nike-zh", "耐克男子跑步鞋透气运动鞋", shoes, nike);
        add("adidas", "Adidas Ultraboost sneakers women", shoes, null);
        add("sony", "Sony WH-1000XM5 wireless headphones noise cancelling", audio, null);
        add("mi-buds", "小米蓝牙耳机降噪", audio, null);
        add("thinkpad", "Lenovo ThinkPad X1 Carbon laptop 14 inch", computers, null);
        add("lenovo-zh", "联想笔记本电脑轻薄本", computers, null);
        add("silk-dress", "真丝连衣裙夏季女装", clothes, null);
        add("floral-dress", "Summer floral dress women", clothes, null);
        add("puer", "Yunnan pu'er tea 普洱茶 357g", food, null);
        add("coffee", "Starbucks coffee beans 咖啡豆", food, null);
        add("bottle", "Stainless steel water bottle 保温杯", food, null);
        add("tshirt", "Cotton t-shirt men basic", clothes, null);
        add("charger", "Phone charger USB-C 充电器", cases, null);
        add("galaxy-case", "Samsung Galaxy S24 手机壳 leather case", cases, null);
        add("kids-run", "Kids running shoes 儿童跑步鞋", shoes, null);
        JsonNode all = fixture.awaitSearch("store=" + seller.storeId() + "&size=50",
                result -> result.get("total").asLong() == products.size(), Duration.ofSeconds(10));
        assertThat(all.get("total").asLong()).isEqualTo(products.size());
    }

    private void add(String key, String title, long category, Long brand) {
        products.put(key, fixture.product(seller, title, category, brand,
                List.of(new Variant(Map.of("colour", "black"), 19900, 5))).get("id").asLong());
    }

    private List<Long> top(String query, int n) {
        JsonNode result = fixture.searchText(query, "store=" + seller.storeId() + "&size=" + n);
        return SearchFixture.ids(result);
    }

    private Long[] ids(String... keys) {
        return java.util.Arrays.stream(keys).map(products::get).toArray(Long[]::new);
    }

    @Test
    void englishWordsFindEnglishTitles() {
        assertThat(top("iphone", 2)).containsExactlyInAnyOrder(ids("iphone-case", "iphone"));
        assertThat(top("thinkpad", 1)).containsExactly(ids("thinkpad"));
        assertThat(top("wireless headphones", 1)).containsExactly(ids("sony"));
    }

    @Test
    void chineseWordsAreSegmented() {
        assertThat(top("手机壳", 2)).containsExactlyInAnyOrder(ids("iphone-case", "galaxy-case"));
        assertThat(top("跑步鞋", 3)).contains(ids("nike-zh", "kids-run"));
        assertThat(top("普洱茶", 1)).containsExactly(ids("puer"));
        assertThat(top("连衣裙", 2)).contains(ids("silk-dress"));
    }

    @Test
    void mixedQueriesMatchBothScripts() {
        assertThat(top("iPhone 手机壳", 1)).containsExactly(ids("iphone-case"));
        assertThat(top("Nike 跑步鞋", 2)).contains(ids("nike-zh"));
    }

    @Test
    void synonymsBridgeTheLanguages() {
        assertThat(top("手机", 5)).contains(ids("huawei", "iphone", "redmi"));
        assertThat(top("mobile phone", 5)).contains(ids("huawei", "iphone"));
        assertThat(top("running shoes", 3)).containsExactlyInAnyOrder(ids("nike-run", "nike-zh", "kids-run"));
        assertThat(top("headphones", 2)).containsExactlyInAnyOrder(ids("sony", "mi-buds"));
        assertThat(top("laptop", 2)).containsExactlyInAnyOrder(ids("thinkpad", "lenovo-zh"));
        assertThat(top("连衣裙", 2)).containsExactlyInAnyOrder(ids("silk-dress", "floral-dress"));
    }

    @Test
    void stemmingCaseAndWidthAreFolded() {
        assertThat(top("LAPTOPS", 2)).contains(ids("thinkpad"));
        assertThat(top("dresses", 2)).contains(ids("floral-dress"));
        assertThat(top("ＩＰＨＯＮＥ", 2)).containsExactlyInAnyOrder(ids("iphone-case", "iphone"));
    }

    @Test
    void typosInEnglishWordsStillFindTheProductAndSuggestTheSpelling() {
        JsonNode result = fixture.searchText("headphnoes", "store=" + seller.storeId());
        assertThat(SearchFixture.ids(result)).contains(ids("sony"));
        assertThat(result.get("didYouMean").asString()).isEqualTo("headphone");
        assertThat(top("thinkpda", 1)).containsExactly(ids("thinkpad"));
    }

    @Test
    void titlesAreHighlighted() {
        JsonNode hit = fixture.searchText("iPhone 手机壳", "store=" + seller.storeId()).get("hits").get(0);
        assertThat(hit.get("highlightedTitle").asString()).contains("<em>iPhone</em>").containsPattern("<em>[^<]*手机");
    }

    @Test
    void aQueryThatMatchesNothingGetsASuggestion() {
        JsonNode result = fixture.searchText("starbucks cofie", "store=" + seller.storeId());
        assertThat(result.get("total").asLong()).isZero();
        assertThat(result.get("didYouMean").asString()).isEqualTo("starbucks coffee");
    }
}
