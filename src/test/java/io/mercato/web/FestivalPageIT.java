package io.mercato.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.mercato.Api;
import io.mercato.MercatoTest;
import io.mercato.MutableClock;
import io.mercato.web.PageFixture.Member;
import io.mercato.web.PageFixture.Merchant;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Festivals in a real browser: the campaign page with its countdowns, products and presale, the deposit and then the
 * balance with its breakdown, in English and Chinese; the seller's enrolment and presale forms; the console's figures.
 */
@MercatoTest
class FestivalPageIT {

    private static final Duration DAY = Duration.ofDays(1);

    @RegisterExtension
    static final PageFixture market = new PageFixture();
    static final Browser browser = market.browser();

    @Autowired
    MutableClock clock;

    /** A festival whose deposits open now for a day; it starts and takes final payments the day after, for a day. */
    private long festival(String nameEn) {
        Instant now = clock.instant();
        Map<String, Object> body = new HashMap<>();
        body.put("nameEn", nameEn);
        body.put("nameZh", "双十一狂欢节");
        body.put("startsAt", now.plus(DAY).toString());
        body.put("endsAt", now.plus(DAY.multipliedBy(3)).toString());
        body.put("presaleFrom", now.toString());
        body.put("presaleUntil", now.plus(DAY).toString());
        body.put("finalFrom", now.plus(DAY).toString());
        body.put("finalUntil", now.plus(DAY.multipliedBy(2)).toString());
        Api.Response created = market.operator().create("/api/v1/operator/festivals", body);
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        return created.id();
    }

    private void join(long festival, Merchant seller) {
        assertThat(market.operator().create("/api/v1/operator/festivals/" + festival + "/stores",
                Map.of("storeId", seller.store().storeId())).status()).isEqualTo(200);
    }

    private long presale(long festival, Merchant seller, long sku) {
        join(festival, seller);
        assertThat(seller.api().create("/api/v1/festivals/" + festival + "/enrolments", Map.of("skuId", sku)).status())
                .isEqualTo(201);
        Api.Response offer = seller.api().create("/api/v1/festivals/" + festival + "/presales", Map.of("skuId", sku,
                "depositMinor", 5_000, "worthMinor", 10_000, "unpaidRule", "REFUND"));
        assertThat(offer.status()).as("%s", offer).isEqualTo(201);
        return offer.id();
    }

    /** A platform voucher of the festival, RMB 30 off above RMB 200, claimable and valid from now for three days. */
    private long voucher(long festival) {
        Instant now = clock.instant();
        Api.Response pool = market.operator().create("/api/v1/operator/festivals/" + festival + "/voucher-pools", Map.of(
                "name", "Festival RMB 30", "amountOffMinor", 3_000, "thresholdMinor", 20_000, "totalLimit", 100,
                "claimFrom", now.toString(), "claimUntil", now.plus(DAY.multipliedBy(3)).toString(),
                "validFrom", now.toString(), "validUntil", now.plus(DAY.multipliedBy(3)).toString()));
        assertThat(pool.status()).as("%s", pool).isEqualTo(201);
        return pool.json().get("poolId").asLong();
    }

    @Test
    void aBuyerPaysTheDepositOnTheCampaignPageThenTheBalanceWithItsBreakdown() {
        Merchant seller = market.signUpSeller("festival-seller", "TAOBAO");
        long sku = market.listedSku(seller.store(), market.category(0), 30_000, 10);
        long festival = festival("Singles Day page");
        presale(festival, seller, sku);
        long pool = voucher(festival);
        Member buyer = market.signUpBuyer("festival-buyer", 100_000);

        market.logIn(buyer);
        browser.open("/");
        assertThat(browser.find("#festival-banner")).as("the home page announces a festival").isNotNull();
        browser.open("/festivals/" + festival + "?lang=en");
        assertThat(browser.text("#festival h1")).isEqualTo("Singles Day page");
        assertThat(browser.text("#festival-phase")).isEqualTo("Presale");
        assertThat(browser.text("#countdowns")).contains("Starts in").contains("Final payment opens in").contains("Ends in");
        assertThat(browser.text("#festival-products")).contains("¥300.00");
        assertThat(browser.text("#festival-presales")).contains("Pay ¥50.00 now, get ¥100.00 off at final payment");
        assertThat(browser.text("#festival-vouchers")).contains("¥30.00").contains("on orders over ¥200.00");
        browser.clickAndWait("#festival-vouchers form[data-pool='" + pool + "'] button");
        assertThat(browser.text("#notice")).isEqualTo("Voucher claimed: it is in your wallet.");

        browser.clickAndWait("#festival-presales a.button");
        assertThat(browser.path()).startsWith("/presales/new");
        for (var field : Map.of("recipient", "Li Lei", "phone", "+86 138 0013 8000", "line1", "1 Wensan Road",
                "city", "Hangzhou").entrySet()) {
            browser.type("#address-" + field.getKey(), field.getValue());
        }
        browser.clickAndWait("#pay-deposit");
        assertThat(browser.path()).startsWith("/presales/");
        String presalePage = browser.path().replaceAll("\\?.*", "");
        assertThat(browser.text("#notice")).isEqualTo("Deposit paid");
        assertThat(browser.text("#presale-status")).isEqualTo("Deposit paid");
        assertThat(browser.text("#balance-not-yet")).isEqualTo("The final payment has not opened yet.");
        assertThat(browser.all("#pay-balance")).isEmpty();
        assertThat(market.walletBalance(buyer.api())).isEqualTo(95_000);

        clock.advance(DAY.plusMinutes(1));
        browser.driver().navigate().refresh();
        assertThat(browser.text("#balance")).contains("Deposit's extra worth").contains("funded by the store")
                .contains("−¥50.00").contains("Platform voucher").contains("funded by the platform").contains("−¥30.00");
        assertThat(browser.text("#balance-due")).as("300 less the voucher's 30 less the deposit's worth of 100")
                .isEqualTo("¥170.00");
        browser.open(presalePage + "?lang=zh-CN");
        assertThat(browser.text("#balance")).contains("定金膨胀").contains("平台出资").contains("现需支付");
        browser.open(presalePage + "?lang=en");
        browser.clickAndWait("#pay-balance");
        assertThat(browser.path()).startsWith("/orders/");
        assertThat(market.walletBalance(buyer.api())).isEqualTo(100_000 - 5_000 - 17_000);
    }

    @Test
    void theCampaignPageSpeaksChinese() {
        Merchant seller = market.signUpSeller("festival-zh-seller", "TAOBAO");
        long sku = market.listedSku(seller.store(), market.category(0), 30_000, 10);
        long festival = festival("Chinese page");
        presale(festival, seller, sku);
        browser.driver().manage().deleteAllCookies();
        browser.open("/festivals/" + festival + "?lang=zh-CN");
        assertThat(browser.text("#festival h1")).isEqualTo("双十一狂欢节");
        assertThat(browser.text("#festival-phase")).isEqualTo("预售中");
        assertThat(browser.text("#countdowns")).contains("距开始").contains("距付尾款").contains("天");
        assertThat(browser.text("#festival-presales")).contains("现付定金 ¥50.00，尾款时抵 ¥100.00");
        browser.open("/festivals/" + festival + "?lang=en");
    }

    @Test
    void aSellerEnrolsASkuAndPutsItOnPresaleAndTheOperatorSeesTheFigures() {
        Merchant seller = market.signUpSeller("festival-enrol-seller", "TAOBAO");
        long sku = market.listedSku(seller.store(), market.category(0), 20_000, 10);
        long festival = festival("Seller page");
        join(festival, seller);

        market.logIn(seller);
        browser.open("/seller/festivals?lang=en");
        browser.clickAndWait("section[data-store='" + seller.store().storeId() + "'] [data-festival='" + festival + "'] a");
        browser.clickAndWait("#enrol-submit");
        assertThat(browser.text("#notice")).isEqualTo("SKU enrolled.");
        assertThat(browser.find("#enrolments tr[data-sku='" + sku + "']")).isNotNull();
        browser.type("#presale-deposit", "20");
        browser.type("#presale-worth", "300");
        browser.clickAndWait("#presale-submit");
        assertThat(browser.text("#error")).as("worth above the price is refused").contains("worth");
        browser.type("#presale-deposit", "20");
        browser.type("#presale-worth", "50");
        browser.clickAndWait("#presale-submit");
        assertThat(browser.text("#notice")).isEqualTo("The SKU is on presale.");
        assertThat(browser.text("#offers")).contains("¥20.00").contains("¥50.00");

        Member buyer = market.signUpBuyer("festival-figures-buyer", 100_000);
        long orderId = market.paidOrder(buyer.api(), sku, 2);
        assertThat(orderId).isPositive();
        market.logInAsOperator();
        browser.open("/ops/festivals/" + festival + "?lang=en");
        assertThat(browser.text("#figure-gmv")).isEqualTo("¥400.00");
        assertThat(browser.text("#figure-orders")).isEqualTo("1");
        assertThat(browser.find("#chart-festival canvas")).isNotNull();
        browser.type("#festival-store", "abc");
        browser.clickAndWait("#store-submit");
        assertThat(browser.text("#error")).contains("storeId");
        browser.open("/ops/festivals?lang=zh-CN");
        assertThat(browser.text("h1")).isEqualTo("大促活动");
        browser.open("/ops/festivals?lang=en");
    }
}
