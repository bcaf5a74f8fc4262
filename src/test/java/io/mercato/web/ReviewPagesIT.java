package io.mercato.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.mercato.MercatoTest;
import io.mercato.web.PageFixture.Member;
import io.mercato.web.PageFixture.Merchant;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A review's life through the three apps' pages: the buyer reviews with stars, a picture and the store's three
 * ratings and adds a follow-up (in Chinese), shoppers sort and filter on the product page and see the store's ratings
 * there, on the store page and in search; the seller replies from the seller centre; the operator hides it and it
 * leaves the averages. Each new page is checked at a phone's width.
 */
@MercatoTest
class ReviewPagesIT {

    @RegisterExtension
    static final PageFixture market = new PageFixture();
    static final Browser browser = market.browser();

    @Test
    void aReviewWithPicturesIsPostedFollowedUpRepliedToSortedAndHidden() throws Exception {
        Merchant seller = market.signUpSeller("review-seller", "TAOBAO");
        long sku = market.listedSku(seller.store(), market.category(200), 6_800, 20);
        Member buyer = market.signUpBuyer("review-buyer", 100_000);
        Member other = market.signUpBuyer("review-other", 100_000);
        long orderId = delivered(seller, buyer, sku);
        long otherOrder = delivered(seller, other, sku);
        long productId = buyer.api().get("/api/v1/orders/" + orderId).json().get("lines").get(0).get("productId").asLong();
        long otherLine = other.api().get("/api/v1/orders/" + otherOrder).json().get("lines").get(0).get("id").asLong();
        assertThat(other.api().create("/api/v1/orders/" + otherOrder + "/reviews", Map.of("lineId", otherLine,
                "rating", 2, "text", "Too small", "description", 2, "service", 3, "logistics", 4)).status()).isEqualTo(201);

        market.logIn(buyer);
        browser.open("/orders/" + orderId + "?lang=zh-CN");
        browser.find(".review-form");
        new org.openqa.selenium.support.ui.Select(browser.find("select[name='rating']")).selectByValue("5");
        new org.openqa.selenium.support.ui.Select(browser.find("select[name='service']")).selectByValue("4");
        browser.type("textarea[name='text']", "颜色很正，做工扎实");
        browser.find("input[name='pictures']").sendKeys(picture().toString());
        browser.clickAndWait(".review-form button[type='submit']");
        assertThat(browser.text("#notice")).contains("感谢");
        browser.find(".review-pictures img");
        browser.type(".follow-up-form textarea", "用了一个月，依然很好");
        browser.clickAndWait(".follow-up-form button");
        assertThat(browser.text("#notice")).isEqualTo("追评已发布。");
        assertThat(browser.text("#order-reviews .follow-up")).contains("追评").contains("用了一个月，依然很好");
        assertThat(browser.all(".follow-up-form")).as("one follow-up per review").isEmpty();

        browser.open("/p/" + productId + "?lang=zh-CN");
        browser.find("#latest-reviews .review");
        assertThat(browser.text("#rating-average")).isEqualTo("3.5");
        assertThat(browser.text(".details .store-scores")).contains("描述相符").contains("3.5").contains("服务态度");
        assertThat(browser.text("#review-filter-pictures")).isEqualTo("有图（1）");
        browser.find("#review-sort-LOWEST").click();
        waitFor("#review-sort-LOWEST.on");
        assertThat(browser.all("#latest-reviews .review").getFirst().getText()).contains("Too small");
        browser.find("#review-filter-pictures").click();
        waitFor("#review-filter-pictures.on");
        assertThat(browser.all("#latest-reviews .review")).hasSize(1);
        assertThat(browser.text("#latest-reviews .review")).contains("颜色很正");
        fitsAPhone("/p/" + productId + "?lang=zh-CN");

        browser.open("/s/" + seller.store().storeId() + "?lang=en");
        assertThat(browser.text("#store-head .store-scores")).contains("Item as described").contains("3.5");
        fitsAPhone("/s/" + seller.store().storeId());

        market.logIn(seller);
        browser.open("/seller/reviews?lang=en&unanswered=true");
        assertThat(browser.all("#seller-reviews > li")).hasSize(2);
        String mine = "#seller-reviews li[data-review]:has(.review-pictures)";
        browser.type(mine + " textarea[name='text']", "Thank you for the photo!");
        browser.clickAndWait(mine + " .reply-form button");
        assertThat(browser.text("#notice")).isEqualTo("Your reply is posted under the review.");
        fitsAPhone("/seller/reviews");
        browser.open("/seller/reviews?lang=zh-CN");
        assertThat(browser.text("h1")).isEqualTo("评价管理");

        browser.open("/p/" + productId + "?lang=en");
        browser.find("#latest-reviews .reply");
        assertThat(browser.text("#latest-reviews .reply")).contains("The store replied").contains("Thank you for the photo!");

        market.logInAsOperator();
        browser.open("/ops/reviews?lang=en&maxStars=2");
        assertThat(browser.text("#me")).isEqualTo("Platform operator");
        String abusive = "#ops-reviews li:has(.review-text)";
        assertThat(browser.text(abusive)).contains("Too small");
        browser.type(abusive + " input[name='reason']", "Insulting words");
        browser.clickAndWait(abusive + " .hide-form button");
        assertThat(browser.text("#notice")).contains("hidden");
        fitsAPhone("/ops/reviews?hidden=true");
        browser.open("/ops/reviews?lang=zh-CN&hidden=true");
        assertThat(browser.text("#ops-reviews")).contains("已被平台隐藏").contains("Too small");
        assertThat(browser.text("#me")).as("the seeded operator's name in the reader's language").isEqualTo("平台运营");

        browser.open("/p/" + productId + "?lang=en");
        browser.find("#latest-reviews .review");
        assertThat(browser.text("#rating-average")).as("the hidden review left the average").isEqualTo("5.0");
        assertThat(browser.driver().getPageSource()).doesNotContain("Too small");
        assertThat(browser.text(".details .store-scores")).contains("5.0").contains("4.0");
        browser.open("/?lang=en");
    }

    private static long delivered(Merchant seller, Member buyer, long sku) {
        long orderId = market.paidOrder(buyer.api(), sku, 1);
        assertThat(seller.api().post("/api/v1/orders/" + orderId + "/shipment",
                Map.of("carrier", "SF Express", "trackingNumber", "SF" + (5_550_000 + orderId))).status()).isEqualTo(200);
        assertThat(seller.api().post("/api/v1/orders/" + orderId + "/delivery", null).status()).isEqualTo(200);
        return orderId;
    }

    private static Path picture() throws Exception {
        BufferedImage image = new BufferedImage(400, 300, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(200, 80, 40));
        g.fillRect(0, 0, 400, 300);
        g.dispose();
        Path file = Files.createTempFile("review-picture", ".png");
        ImageIO.write(image, "png", file.toFile());
        file.toFile().deleteOnExit();
        return file;
    }

    private static void waitFor(String css) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .until(driver -> !driver.findElements(By.cssSelector(css)).isEmpty());
    }

    private static void fitsAPhone(String path) {
        PhoneWidth.fits(browser, path);
    }
}
