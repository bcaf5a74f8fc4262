package io.mercato.web.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.decoder.Decoder;
import com.aayushatharva.brotli4j.decoder.DirectDecompress;
import io.mercato.MercatoTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Text responses are brotli-encoded for clients that accept it (pages, CSS, API JSON) and decode to what an
 * unencoded request gets; gzip-only clients keep gzip; pictures and small answers go out as they are.
 */
@MercatoTest
class BrotliCompressionIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    private HttpResponse<byte[]> get(String path, String acceptEncoding) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (!acceptEncoding.isEmpty()) {
            request.header("Accept-Encoding", acceptEncoding);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String brotli(byte[] body) throws Exception {
        DirectDecompress decoded = Decoder.decompress(body);
        assertThat(decoded.getResultStatus()).hasToString("DONE");
        return new String(decoded.getDecompressedData(), StandardCharsets.UTF_8);
    }

    @Test
    void pagesStylesAndJsonAreBrotliEncodedForClientsThatAcceptIt() throws Exception {
        assertThat(Brotli4jLoader.isAvailable()).as("the native encoder loads on this platform").isTrue();
        for (String path : new String[] {"/", "/css/mercato.css", "/v3/api-docs", "/login"}) {
            HttpResponse<byte[]> plain = get(path, "");
            HttpResponse<byte[]> br = get(path, "gzip, deflate, br, zstd");
            assertThat(br.statusCode()).as(path).isEqualTo(200);
            assertThat(br.headers().firstValue("Content-Encoding")).as(path).hasValue("br");
            assertThat(br.headers().allValues("Vary").toString()).as(path).contains("Accept-Encoding");
            String decoded = brotli(br.body());
            if (path.startsWith("/v3") || path.endsWith(".css")) {
                assertThat(decoded).as(path).isEqualTo(new String(plain.body(), StandardCharsets.UTF_8));
            } else {
                assertThat(decoded).as(path).startsWith("<!DOCTYPE html>").contains("</html>");
            }
            assertThat(br.body().length).as(path + " smaller than it was").isLessThan(plain.body().length);
        }
    }

    @Test
    void gzipOnlyClientsKeepGzipAndRefusedBrotliIsNotUsed() throws Exception {
        HttpResponse<byte[]> gzip = get("/", "gzip");
        assertThat(gzip.headers().firstValue("Content-Encoding")).hasValue("gzip");
        try (GZIPInputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(gzip.body()))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).contains("</html>");
        }
        assertThat(get("/", "br;q=0, gzip").headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(get("/", "").headers().firstValue("Content-Encoding")).isEmpty();
    }

    @Test
    void smallAnswersAndPicturesAreNotEncoded() throws Exception {
        HttpResponse<byte[]> health = get("/actuator/health", "br");
        assertThat(health.headers().firstValue("Content-Encoding")).as("a few bytes").isEmpty();
        assertThat(new String(health.body(), StandardCharsets.UTF_8)).contains("UP");
        HttpResponse<byte[]> missing = get("/api/v1/products/999999999", "br");
        assertThat(missing.statusCode()).isEqualTo(404);
        String problem = missing.headers().firstValue("Content-Encoding").isPresent() ? brotli(missing.body())
                : new String(missing.body(), StandardCharsets.UTF_8);
        assertThat(problem).contains("\"status\":404");
    }

    @Test
    void theAcceptEncodingHeaderIsReadAsRfc9110Says() {
        assertThat(BrotliCompression.accepts("gzip, br")).isTrue();
        assertThat(BrotliCompression.accepts("BR;q=0.5")).isTrue();
        assertThat(BrotliCompression.accepts("br;q=0")).isFalse();
        assertThat(BrotliCompression.accepts("br;q=0.000")).isFalse();
        assertThat(BrotliCompression.accepts("gzip, brotli")).isFalse();
        assertThat(BrotliCompression.accepts(null)).isFalse();
        assertThat(BrotliCompression.compressible("text/html;charset=UTF-8")).isTrue();
        assertThat(BrotliCompression.compressible("image/jpeg")).isFalse();
    }
}
