package io.mercato.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.mercato.MercatoTest;
import io.mercato.web.PageFixture.Member;
import io.mercato.web.PageFixture.Merchant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

/**
 * Membership in a real browser: the buyer's points, check-in and 88VIP (join from the wallet, badge, entitlements,
 * members' coupons, cancellation with a refund, a shortfall explained), reviews on the order and product pages, in
 * both languages, and the operator's figures with their chart and cohort table.
 */
@MercatoTest
class MembershipPageIT {

    @RegisterExtension
    static final PageFixture market = new PageFixture();
    static final Browser browser = market.browser();

    /** A buyer with 1,000 points (an order of RMB 1,000 paid) and {@code wallet} left in the wallet. */
    private Member buyerWithPoints(String prefix, long wallet) {
        Merchant seller = market.signUpSeller(prefix + "-seller", "TAOBAO");
        Member buyer = market.signUpBuyer(prefix, 100_000 + wallet);
        long sku = market.listedSku(seller.store(), market.category(0), 100_000, 10);
        market.paidOrder(buyer.api(), sku, 1);
        return buyer;
    }

    @Test
    void aBuyerChecksInJoins88VipSeesTheBenefitsAndCancelsWithinTheCoolingOffPeriod() {
        Member buyer = buyerWithPoints("vip-page", 10_000);
        market.logIn(buyer);
        browser.open("/");
        assertThat(browser.all("#vip-badge")).isEmpty();
        browser.clickAndWait("#nav-membership");
        assertThat(browser.path()).startsWith("/membership");
        assertThat(browser.text("#points-balance")).isEqualTo("1000");
        assertThat(browser.text("#vip-status")).isEqualTo("Not a member");
        assertThat(browser.text("#vip-price")).isEqualTo("¥88.00");
        assertThat(browser.text("#points-history")).contains("Order paid").contains("+1000");

        browser.clickAndWait("#check-in");
        assertThat(browser.text("#notice")).isEqualTo("You checked in: 5 points added.");
        assertThat(browser.text("#points-balance")).isEqualTo("1005");
        assertThat(browser.all("#check-in")).isEmpty();
        assertThat(browser.text("#checked-in")).contains("checked in today");

        browser.clickAndWait("#vip-join");
        assertThat(browser.text("#notice")).startsWith("Welcome to 88VIP!");
        assertThat(browser.text("#vip-badge")).isEqualTo("88VIP");
        assertThat(browser.text("#vip-status")).startsWith("Member until");
        assertThat(browser.all("#entitlements tr")).hasSize(4);
        assertThat(browser.text("#entitlements")).contains("Video streaming membership").contains("Food delivery");
        assertThat(browser.text("#member-coupons")).contains("88VIP").contains("¥20.00 off orders from ¥199.00")
                .contains("Usable");
        assertThat(browser.text("#vip-terms")).contains("Joined").contains("¥88.00");
        assertThat(browser.all("#vip-join")).isEmpty();

        browser.open("/membership?lang=zh-CN");
        assertThat(browser.text("h1")).isEqualTo("会员");
        assertThat(browser.text("#vip-status")).startsWith("会员有效期至");
        assertThat(browser.text("#entitlements")).contains("视频会员");
        browser.open("/membership?lang=en");

        browser.clickAndWait("#vip-cancel");
        assertThat(browser.text("#notice")).isEqualTo("Your membership was cancelled and its price refunded to your wallet.");
        assertThat(browser.all("#vip-badge")).isEmpty();
        assertThat(browser.text("#vip-status")).isEqualTo("Not a member");
        assertThat(market.walletBalance(buyer.api())).isEqualTo(10_000);
    }

    @Test
    void joiningWithTooLittleInTheWalletSaysHowMuchIsMissing() {
        Member buyer = market.signUpBuyer("vip-short", 1_000);
        market.logIn(buyer);
        browser.open("/membership");
        assertThat(browser.text("#vip-price")).isEqualTo("¥888.00");
        browser.clickAndWait("#vip-join");
        assertThat(browser.text("#error")).isEqualTo(
                "88VIP costs ¥888.00 and your wallet holds ¥10.00: top up ¥878.00 more to continue.");
        assertThat(browser.text("#vip-status")).isEqualTo("Not a member");

        browser.open("/membership?lang=zh-CN");
        browser.clickAndWait("#vip-join");
        assertThat(browser.text("#error")).contains("请再充值").contains("¥878.00");
        browser.open("/membership?lang=en");
    }

    @Test
    void aBuyerReviewsADeliveredOrderAndTheProductPageShowsTheRating() {
        Merchant seller = market.signUpSeller("review-seller", "TAOBAO");
        Member buyer = market.signUpBuyer("review-buyer", 100_000);
        long sku = market.listedSku(seller.store(), market.category(0), 5_000, 10);
        long orderId = market.paidOrder(buyer.api(), sku, 1);
        JsonNode line = buyer.api().get("/api/v1/orders/" + orderId).json().get("lines").get(0);
        long lineId = line.get("id").asLong();
        long productId = line.get("productId").asLong();

        market.logIn(buyer);
        browser.open("/orders/" + orderId);
        assertThat(browser.text("#reviews-closed")).contains("once the order is delivered");

        assertThat(seller.api().post("/api/v1/orders/" + orderId + "/shipment",
                Map.of("carrier", "SF Express", "trackingNumber", "SF1234567890")).status()).isEqualTo(200);
        assertThat(seller.api().post("/api/v1/orders/" + orderId + "/delivery", null).status()).isEqualTo(200);
        browser.open("/orders/" + orderId);
        new Select(browser.find("#review-rating-" + lineId)).selectByValue("4");
        browser.type("#review-text-" + lineId, "Arrived quickly, works well.");
        browser.clickAndWait("#review-submit-" + lineId);
        assertThat(browser.text("#notice")).isEqualTo("Thank you for your review: 10 points added.");
        assertThat(browser.text("#order-reviews .review.given")).contains("★★★★☆").contains("Arrived quickly, works well.");
        assertThat(browser.all("#review-submit-" + lineId)).as("reviewed once").isEmpty();

        browser.open("/p/" + productId);
        assertThat(browser.text("#rating-average")).isEqualTo("4.0");
        assertThat(browser.text("#rating-count")).isEqualTo("1 review");
        assertThat(browser.text("#latest-reviews .review")).contains("Arrived quickly, works well.");
        browser.open("/p/" + productId + "?lang=zh-CN");
        assertThat(browser.text("#rating-count")).isEqualTo("1 条评价");
        browser.open("/p/" + productId + "?lang=en");
    }

    @Test
    void anOperatorSeesMembersJoinsAndCohortsWithAChart() {
        Member buyer = buyerWithPoints("vip-ops", 8_800);
        assertThat(buyer.api().create("/api/v1/membership/vip/joins", null).status()).isEqualTo(201);
        market.logInAsOperator();
        browser.open("/ops");
        browser.clickAndWait("#nav-membership-figures");
        assertThat(browser.path()).startsWith("/ops/membership");
        assertThat(browser.find("#chart-vip canvas")).isNotNull();
        assertThat(Long.parseLong(browser.text("#vip-members"))).isPositive();
        assertThat(Long.parseLong(browser.text("#vip-joins"))).isPositive();
        assertThat(browser.all("#vip-months tr")).hasSize(13);
        assertThat(browser.all("#vip-cohorts tr[data-cohort]")).isNotEmpty();
        assertThat(browser.text("#vip-cohorts")).contains("%");

        market.logIn(buyer);
        browser.open("/ops/membership");
        assertThat(browser.all("#chart-vip")).as("a buyer never sees the console").isEmpty();
    }
}
