package io.mercato.media;

import static org.assertj.core.api.Assertions.assertThat;

import io.mercato.Api;
import io.mercato.MarketFixture.Seller;
import io.mercato.MarketFixture.SkuSpec;
import io.mercato.MercatoTest;
import io.mercato.membership.MembershipFixture;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * Pictures over the API: checked by their bytes whatever they are called, kept in three sizes, served as immutable
 * files with an ETag, and usable as a product's images.
 */
@MercatoTest
class MediaIT {

    /** A 1×1 lossless WebP, the smallest there is. */
    private static final byte[] WEBP = Base64.getDecoder().decode("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @RegisterExtension
    final MembershipFixture market = new MembershipFixture();

    static byte[] picture(String format, int width, int height, Color colour) throws IOException {
        BufferedImage image = new BufferedImage(width, height,
                format.equals("png") ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.WHITE);
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }

    private static HttpResponse<byte[]> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static HttpResponse<byte[]> upload(Api api, byte[] bytes, String declaredType, @Nullable String language)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(api.uri("/api/v1/images"))
                .header("Content-Type", declaredType).POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
        if (api.token() != null) {
            request.header("Authorization", "Bearer " + api.token());
        }
        if (language != null) {
            request.header("Accept-Language", language);
        }
        return send(request);
    }

    private static JsonNode json(HttpResponse<byte[]> response) {
        return Api.JSON.readTree(new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
    }

    private HttpResponse<byte[]> fetch(String path, @Nullable String ifNoneMatch) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(market.anonymous().uri(path)).GET();
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return send(request);
    }

    @Test
    void aSellersPngIsKeptInThreeSizesServedAsImmutableFiles() throws Exception {
        Seller seller = market.seller("TAOBAO");
        byte[] png = picture("png", 1600, 1000, new Color(0x2A9D8F));

        HttpResponse<byte[]> uploaded = upload(seller.api(), png, "application/octet-stream", null);

        assertThat(uploaded.statusCode()).as(new String(uploaded.body())).isEqualTo(201);
        JsonNode image = json(uploaded);
        assertThat(image.get("format").asString()).isEqualTo("png");
        assertThat(image.get("width").asInt()).isEqualTo(1600);
        String id = image.get("id").asString();
        assertThat(image.get("urls").get("thumb").asString()).isEqualTo("/media/" + id + "/thumb.jpg");

        Map<String, Integer> longestSide = Map.of("thumb", 240, "medium", 600, "large", 1200);
        for (var size : longestSide.entrySet()) {
            HttpResponse<byte[]> file = fetch(image.get("urls").get(size.getKey()).asString(), null);
            assertThat(file.statusCode()).isEqualTo(200);
            assertThat(file.headers().firstValue("Content-Type")).hasValue("image/jpeg");
            assertThat(file.headers().firstValue("Cache-Control").orElse(""))
                    .contains("max-age=31536000").contains("immutable").contains("public");
            BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(file.body()));
            assertThat(decoded.getWidth()).as(size.getKey()).isEqualTo(size.getValue());
            assertThat(decoded.getHeight()).as("proportions kept").isEqualTo(size.getValue() * 1000 / 1600);
            String etag = file.headers().firstValue("ETag").orElseThrow();

            HttpResponse<byte[]> again = fetch(image.get("urls").get(size.getKey()).asString(), etag);
            assertThat(again.statusCode()).as("a browser's revalidation").isEqualTo(304);
            assertThat(again.body()).isEmpty();
        }

        HttpResponse<byte[]> twice = upload(seller.api(), png, "image/png", null);
        assertThat(json(twice).get("id").asString()).as("the same bytes are the same image").isEqualTo(id);
    }

    @Test
    void aSmallPictureIsNeverEnlargedAndJpegAndWebpAreAccepted() throws Exception {
        Api buyer = market.buyer(0);
        HttpResponse<byte[]> jpeg = upload(buyer, picture("jpg", 300, 200, Color.ORANGE), "image/png", null);
        assertThat(jpeg.statusCode()).isEqualTo(201);
        assertThat(json(jpeg).get("format").asString()).as("told by content, not by the declared type").isEqualTo("jpeg");
        BufferedImage large = ImageIO.read(new ByteArrayInputStream(
                fetch(json(jpeg).get("urls").get("large").asString(), null).body()));
        assertThat(large.getWidth()).isEqualTo(300);

        HttpResponse<byte[]> webp = upload(buyer, WEBP, "image/webp", null);
        assertThat(webp.statusCode()).as(new String(webp.body())).isEqualTo(201);
        assertThat(json(webp).get("format").asString()).isEqualTo("webp");
        assertThat(fetch(json(webp).get("urls").get("thumb").asString(), null).statusCode()).isEqualTo(200);
    }

    @Test
    void whatIsNotAPictureIsRefusedNamingTheFieldInTheReadersLanguage() throws Exception {
        Seller seller = market.seller("TAOBAO");
        byte[] script = "<svg onload=alert(1)>".getBytes();

        HttpResponse<byte[]> english = upload(seller.api(), script, "image/png", null);
        assertThat(english.statusCode()).isEqualTo(400);
        assertThat(json(english).get("errors").get(0).get("field").asString()).isEqualTo("file");
        assertThat(json(english).get("detail").asString()).isEqualTo("The file is not a JPEG, PNG or WebP picture");

        HttpResponse<byte[]> chinese = upload(seller.api(), script, "image/png", "zh-CN");
        assertThat(json(chinese).get("detail").asString()).isEqualTo("文件不是 JPEG、PNG 或 WebP 图片");

        byte[] truncated = java.util.Arrays.copyOf(picture("png", 400, 400, Color.RED), 60);
        HttpResponse<byte[]> broken = upload(seller.api(), truncated, "image/png", null);
        assertThat(broken.statusCode()).isEqualTo(400);
        assertThat(json(broken).get("errors").get(0).get("field").asString()).isEqualTo("file");

        HttpResponse<byte[]> tooWide = upload(seller.api(), picture("png", 7000, 10, Color.BLUE), "image/png", null);
        assertThat(tooWide.statusCode()).isEqualTo(400);
        assertThat(json(tooWide).get("detail").asString()).contains("7000×10").contains("6000");

        HttpResponse<byte[]> empty = upload(seller.api(), new byte[0], "image/png", null);
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(json(empty).get("errors").get(0).get("field").asString()).isEqualTo("file");

        HttpResponse<byte[]> anonymous = upload(market.anonymous(), picture("png", 10, 10, Color.RED), "image/png", null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(fetch("/media/" + "0".repeat(64) + "/thumb.jpg", null).statusCode()).isEqualTo(404);
        assertThat(fetch("/media/" + "0".repeat(64) + "/huge.jpg", null).statusCode()).isEqualTo(404);
    }

    @Test
    void anUploadedPictureBecomesAProductImage() throws Exception {
        Seller seller = market.seller("TMALL");
        JsonNode image = json(upload(seller.api(), picture("png", 800, 800, Color.PINK), "image/png", null));
        String medium = image.get("urls").get("medium").asString();
        JsonNode product = market.listedProduct(seller, market.category(0), List.of(new SkuSpec(Map.of(), 1_000, 5)));

        Api.Response edited = seller.api().patch("/api/v1/products/" + product.get("id").asLong(),
                Map.of("images", List.of(medium, "https://img.example.com/a.jpg")));

        assertThat(edited.status()).as("%s", edited).isEqualTo(200);
        assertThat(market.anonymous().get("/api/v1/products/" + product.get("id").asLong()).json().get("images"))
                .extracting(JsonNode::asString).containsExactly(medium, "https://img.example.com/a.jpg");
        Api.Response notOurs = seller.api().patch("/api/v1/products/" + product.get("id").asLong(),
                Map.of("images", List.of("/media/../../etc/passwd")));
        assertThat(notOurs.status()).isEqualTo(400);
    }
}
