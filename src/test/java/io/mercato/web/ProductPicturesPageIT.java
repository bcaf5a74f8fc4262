package io.mercato.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.mercato.MarketFixture.SkuSpec;
import io.mercato.MercatoTest;
import io.mercato.web.PageFixture.Merchant;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/** A seller's pictures, from the editor's file field to the product page's gallery, in a real browser. */
@MercatoTest
class ProductPicturesPageIT {

    @RegisterExtension
    static final PageFixture market = new PageFixture();
    static final Browser browser = market.browser();

    private static Path picture(String name, Color colour) throws Exception {
        BufferedImage image = new BufferedImage(900, 900, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, 900, 900);
        g.dispose();
        // Named as a text file: the platform reads what the bytes are.
        Path file = Files.createTempFile(name, ".txt");
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    private static boolean loaded(WebElement image) {
        Object width = ((JavascriptExecutor) browser.driver())
                .executeScript("return arguments[0].complete && arguments[0].naturalWidth", image);
        return width instanceof Number number && number.intValue() > 0;
    }

    @Test
    void aSellerUploadsPicturesInTheEditorAndBuyersSeeAGallery() throws Exception {
        Merchant seller = market.signUpSeller("picture-seller", "TAOBAO");
        long productId = market.listedProduct(seller.store(), market.category(200),
                List.of(new SkuSpec(Map.of("colour", "red"), 2_000, 3))).get("id").asLong();
        Path first = picture("first", new Color(0xE76F51));
        Path second = picture("second", new Color(0x2A9D8F));

        market.logIn(seller);
        browser.open("/seller/products/" + productId);
        browser.type("textarea[name=images]", "https://img.example.com/kept.jpg");
        browser.find("#pictures").sendKeys(first.toAbsolutePath() + "\n" + second.toAbsolutePath());
        browser.clickAndWait("#save-product");

        assertThat(browser.text("#notice")).isEqualTo("Saved.");
        List<String> saved = browser.find("textarea[name=images]").getAttribute("value").lines().toList();
        assertThat(saved).as("typed URLs stay, uploads follow").hasSize(3).first().isEqualTo("https://img.example.com/kept.jpg");
        assertThat(saved.subList(1, 3)).allMatch(url -> url.matches("/media/[0-9a-f]{64}/medium\\.jpg"));
        assertThat(browser.all(".picture-strip img")).hasSize(3);
        String images = String.join("\n", saved.subList(1, 3));
        browser.type("textarea[name=images]", images);
        browser.clickAndWait("#save-product");

        browser.open("/p/" + productId);
        WebElement main = browser.find("#gallery .thumb img");
        assertThat(main.getAttribute("src")).endsWith(images.lines().toList().get(0));
        assertThat(loaded(main)).as("the main picture is served").isTrue();
        List<WebElement> picks = browser.all("#gallery .gallery-pick");
        assertThat(picks).hasSize(2);
        assertThat(picks).allMatch(pick -> loaded(pick.findElement(org.openqa.selenium.By.tagName("img"))));
        picks.get(1).click();
        assertThat(main.getAttribute("src")).endsWith(images.lines().toList().get(1));

        browser.open("/p/" + productId + "?lang=zh-CN");
        assertThat(browser.find("#gallery .gallery-pick").getAttribute("aria-label")).isEqualTo("查看第 1 张图片");
        browser.open("/p/" + productId + "?lang=en");

        Path notAPicture = Files.createTempFile("notes", ".png");
        Files.writeString(notAPicture, "not a picture");
        browser.open("/seller/products/" + productId);
        browser.find("#pictures").sendKeys(notAPicture.toAbsolutePath().toString());
        browser.clickAndWait("#save-product");
        assertThat(browser.text("#error")).isEqualTo("The file is not a JPEG, PNG or WebP picture");
        Files.delete(first);
        Files.delete(second);
        Files.delete(notAPicture);
    }
}
