package io.mercato.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.mercato.MercatoTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A malformed address on a page is answered in the reader's language, never with the framework's own text. */
@MercatoTest
class PageErrorTextIT {

    @LocalServerPort
    int port;

    private final HttpClient browser = HttpClient.newHttpClient();

    @Test
    void aMalformedIdOnAPageNamesTheParameterWithoutJavaText() throws Exception {
        HttpResponse<String> english = get("/p/abc", "en");
        assertThat(english.statusCode()).isEqualTo(400);
        assertThat(english.body()).contains("The value given for “productId” is not valid here.")
                .doesNotContain("java.lang").doesNotContain("Failed to convert");

        HttpResponse<String> tooLarge = get("/p/99999999999999999999", "en");
        assertThat(tooLarge.statusCode()).isEqualTo(400);
        assertThat(tooLarge.body()).doesNotContain("For input string");

        HttpResponse<String> chinese = get("/p/abc", "zh-CN");
        assertThat(chinese.body()).contains("“productId” 的值无效。").doesNotContain("java.lang");
    }

    private HttpResponse<String> get(String path, String language) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept-Language", language).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
