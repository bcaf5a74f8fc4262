package io.mercato.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import io.mercato.Api;
import io.mercato.MarketFixture;
import io.mercato.MercatoTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A reader who asks for Chinese ({@code Accept-Language: zh-CN}) reads every refusal in Chinese, whichever module
 * made it and whichever layer answered (a use case, the JSON reader, a filter, the security entry point), while the
 * same refusal stays word for word in English for everyone else.
 */
@MercatoTest
class RefusalsInChineseIT {

    private static final long UNKNOWN = 987_654_321L;

    @LocalServerPort
    int port;

    MarketFixture market;

    Api buyer;
    MarketFixture.Seller seller;
    long sku;

    @BeforeEach
    void setUp() {
        market = new MarketFixture(port);
        buyer = market.buyer(100_000);
        seller = market.seller("TAOBAO");
        sku = market.listedSku(seller, market.category(0), 5_000, 10);
    }

    @Test
    void orderingRefusesInChinese() {
        assertDetail(buyer.in("zh-CN").get("/api/v1/orders/" + UNKNOWN), 404, "订单 " + UNKNOWN + " 不存在");
        assertDetail(buyer.get("/api/v1/orders/" + UNKNOWN), 404, "Order " + UNKNOWN + " does not exist");
        assertDetail(buyer.in("zh-CN").create("/api/v1/checkouts", Map.of("address", MarketFixture.ADDRESS,
                "items", List.of())), 400, "请至少选择一件商品");
        assertDetail(buyer.in("zh-CN").put("/api/v1/cart/items/" + sku, Map.of("quantity", 0)), 400, "数量必须在 1 到");
    }

    @Test
    void catalogInventoryAndMerchantRefuseInChinese() {
        assertDetail(market.anonymous().in("zh-CN").get("/api/v1/products/" + UNKNOWN), 404, "商品 " + UNKNOWN);
        assertDetail(seller.api().in("zh-CN").put("/api/v1/skus/" + sku + "/stock", Map.of("onHand", -1)), 400,
                "现有库存必须在 0 到");
        // A bean-validation constraint of the request body, in the reader's language too.
        assertDetail(seller.api().in("zh-CN").create("/api/v1/stores", Map.of("name", "", "kind", "TAOBAO")), 400,
                "name 不能为空");
        assertDetail(seller.api().create("/api/v1/stores", Map.of("name", "", "kind", "TAOBAO")), 400,
                "name must not be blank");
        assertDetail(seller.api().in("zh-CN").create("/api/v1/stores", Map.of("name", "店".repeat(101), "kind", "TAOBAO")),
                400, "店铺名称必须为 1 到 100 个字符");
    }

    @Test
    void paymentAndSearchRefuseInChinese() {
        assertDetail(buyer.in("zh-CN").create("/api/v1/wallet/top-ups", Map.of("amountMinor", 0, "currency", "CNY")),
                400, "充值金额必须在 1 到");
        assertDetail(buyer.in("zh-CN").create("/api/v1/wallet/top-ups", Map.of("amountMinor", 100, "currency", "XYZ")),
                400, "不支持币种“XYZ”");
        assertDetail(market.anonymous().in("zh-CN").get("/api/v1/search?page=-1"), 400, "页码必须为 0 或以上");
        assertDetail(market.anonymous().in("zh-CN").get("/api/v1/search?sort=cheapest"), 400, "排序方式“cheapest”");
    }

    @Test
    void aRoleRefusalNamesTheRolesInTheReadersLanguage() {
        Api.Response chinese = buyer.in("zh-CN").create("/api/v1/stores", Map.of("name", "Mine", "kind", "TAOBAO"));
        Api.Response english = buyer.create("/api/v1/stores", Map.of("name", "Mine", "kind", "TAOBAO"));

        assertDetail(chinese, 403, "只有卖家可以执行此操作");
        assertDetail(english, 403, "Only sellers may do this; you are buyer:");
    }

    @Test
    void theApiEdgeRefusesInChineseToo() {
        // Unreadable JSON, a wrongly typed value, a path parameter that is no number.
        assertDetail(buyer.in("zh-CN").raw("POST", "/api/v1/wallet/top-ups", "not json at all"), 400, "JSON 请求内容格式错误");
        assertDetail(buyer.in("zh-CN").raw("POST", "/api/v1/wallet/top-ups",
                "{\"amountMinor\": \"lots\", \"currency\": \"CNY\"}"), 400, "必须是以 JSON 数字表示的整数");
        assertDetail(buyer.in("zh-CN").get("/api/v1/orders/abc"), 400, "参数“orderId”的值“abc”无效");
        // The idempotency filter and the security entry point answer before any controller.
        assertDetail(buyer.in("zh-CN").post("/api/v1/wallet/top-ups", Map.of("amountMinor", 100, "currency", "CNY"),
                "k".repeat(201)), 400, "Idempotency-Key 必须为 1 到 200 个字符");
        assertDetail(market.anonymous().in("zh-CN").get("/api/v1/orders"), 401, "请先登录");
        assertDetail(market.anonymous().get("/api/v1/orders"), 401, "Log in first");
    }

    private static void assertDetail(Api.Response response, int status, String detail) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.json().get("detail").asString()).as(response.body()).contains(detail)
                .doesNotContain("Exception");
    }
}
