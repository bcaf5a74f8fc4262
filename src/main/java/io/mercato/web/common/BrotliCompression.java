package io.mercato.web.common;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.encoder.BrotliOutputStream;
import com.aayushatharva.brotli4j.encoder.Encoder;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Brotli on text responses (pages, CSS, scripts, JSON, SVG) for clients that accept {@code br}; others keep the
 * server's gzip ({@code server.compression}), which stands aside for a response that already has a
 * {@code Content-Encoding}. The encoder is brotli4j's native one; where its native library is missing the filter is
 * not installed and gzip alone serves. The first KiB is held back and the decision made when it is full (or the
 * response ends or is flushed), when the content type is known: responses under 1 KiB, of other types, or already
 * encoded go out as they are.
 */
@Configuration(proxyBeanMethods = false)
class BrotliCompression {

    private static final Logger log = LoggerFactory.getLogger(BrotliCompression.class);

    /** Responses smaller than this (when their length is known) are not worth compressing. */
    static final int MIN_BYTES = 1024;

    /** Quality 5 of 11: close to the best ratio for HTML at a few milliseconds per page (level 11 is for static assets). */
    static final int QUALITY = 5;

    private static final Set<String> TYPES = Set.of("text/html", "text/css", "text/plain", "text/csv",
            "text/javascript", "application/javascript", "application/json", "application/problem+json",
            "image/svg+xml", "application/xml", "text/xml");

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> brotliFilter() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new Filter());
        registration.setName("brotliCompression");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        registration.addUrlPatterns("/*");
        boolean available;
        try {
            available = Brotli4jLoader.isAvailable();
        } catch (LinkageError e) {
            available = false;
        }
        if (!available) {
            log.info("Brotli is not offered: no native brotli library for this platform; gzip serves alone");
            registration.setEnabled(false);
        }
        return registration;
    }

    static boolean accepts(@Nullable String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String part : acceptEncoding.split(",")) {
            String[] coding = part.strip().split(";");
            if (coding[0].strip().equalsIgnoreCase("br")) {
                for (int i = 1; i < coding.length; i++) {
                    String parameter = coding[i].strip().toLowerCase(Locale.ROOT);
                    if (parameter.matches("q\\s*=\\s*0(\\.0*)?")) {
                        return false;
                    }
                }
                return true;
            }
        }
        return false;
    }

    static boolean compressible(@Nullable String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
        return TYPES.contains(type);
    }

    static final class Filter extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (!accepts(request.getHeader("Accept-Encoding")) || "HEAD".equals(request.getMethod())) {
                chain.doFilter(request, response);
                return;
            }
            Compressing wrapped = new Compressing(response);
            try {
                chain.doFilter(request, wrapped);
            } finally {
                wrapped.finish();
            }
        }

        @Override
        protected boolean shouldNotFilterAsyncDispatch() {
            return true;
        }
    }

    /** The response, brotli-encoded from its first byte when it qualifies; untouched otherwise. */
    static final class Compressing extends HttpServletResponseWrapper {

        private long declaredLength = -1;
        private @Nullable Boolean compressing;
        /** The first bytes, held until there are {@link #MIN_BYTES} of them, the response ends or is flushed. */
        private final java.io.ByteArrayOutputStream head = new java.io.ByteArrayOutputStream(MIN_BYTES);
        private @Nullable BrotliOutputStream brotli;
        private @Nullable ServletOutputStream stream;
        private @Nullable PrintWriter writer;

        Compressing(HttpServletResponse response) {
            super(response);
        }

        private boolean decide(boolean large) throws IOException {
            if (compressing != null) {
                return compressing;
            }
            HttpServletResponse response = (HttpServletResponse) getResponse();
            int status = response.getStatus();
            boolean qualifies = compressible(response.getContentType()) && response.getHeader("Content-Encoding") == null
                    && status != HttpServletResponse.SC_NO_CONTENT && status != HttpServletResponse.SC_NOT_MODIFIED
                    && status != HttpServletResponse.SC_PARTIAL_CONTENT
                    && large && (declaredLength < 0 || declaredLength >= MIN_BYTES) && !response.isCommitted();
            compressing = qualifies;
            if (qualifies) {
                response.setHeader("Content-Encoding", "br");
                response.addHeader("Vary", "Accept-Encoding");
                brotli = new BrotliOutputStream(response.getOutputStream(), new Encoder.Parameters().setQuality(QUALITY));
            } else if (declaredLength >= 0) {
                response.setContentLengthLong(declaredLength);
            } else if (!large) {
                response.setContentLengthLong(head.size());
            }
            OutputStream out = qualifies ? brotli : response.getOutputStream();
            head.writeTo(out);
            head.reset();
            return qualifies;
        }

        @Override
        public void setContentLength(int length) {
            setContentLengthLong(length);
        }

        @Override
        public void setContentLengthLong(long length) {
            if (compressing == null) {
                declaredLength = length;
            } else if (!compressing) {
                super.setContentLengthLong(length);
            }
        }

        @Override
        public void setHeader(String name, String value) {
            if ("Content-Length".equalsIgnoreCase(name)) {
                setContentLengthLong(Long.parseLong(value.strip()));
            } else {
                super.setHeader(name, value);
            }
        }

        @Override
        public void addHeader(String name, String value) {
            if ("Content-Length".equalsIgnoreCase(name)) {
                setContentLengthLong(Long.parseLong(value.strip()));
            } else {
                super.addHeader(name, value);
            }
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (writer != null) {
                throw new IllegalStateException("getWriter() was called already");
            }
            if (stream == null) {
                stream = new Stream();
            }
            return stream;
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            if (writer == null) {
                if (stream != null) {
                    throw new IllegalStateException("getOutputStream() was called already");
                }
                String encoding = getCharacterEncoding();
                Charset charset = encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding);
                stream = new Stream();
                writer = new PrintWriter(new OutputStreamWriter(stream, charset));
            }
            return writer;
        }

        @Override
        public void flushBuffer() throws IOException {
            if (writer != null) {
                writer.flush();
            }
            if (stream != null) {
                stream.flush();
            }
            super.flushBuffer();
        }

        @Override
        public void resetBuffer() {
            if (compressing != null) {
                throw new IllegalStateException("The response has started");
            }
            super.resetBuffer();
        }

        /** Ends the encoded stream; a response that stayed under {@link #MIN_BYTES} goes out as it is. */
        void finish() throws IOException {
            if (writer != null) {
                writer.flush();
            }
            if (compressing == null && (head.size() > 0 || declaredLength >= 0)) {
                decide(false);
            }
            if (brotli != null) {
                brotli.close();
            }
        }

        private void write(byte[] bytes, int offset, int length) throws IOException {
            if (compressing == null) {
                head.write(bytes, offset, length);
                if (head.size() >= MIN_BYTES) {
                    decide(true);
                }
                return;
            }
            (compressing ? brotli : getResponse().getOutputStream()).write(bytes, offset, length);
        }

        private final class Stream extends ServletOutputStream {

            @Override
            public void write(int b) throws IOException {
                Compressing.this.write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                if (length > 0) {
                    Compressing.this.write(bytes, offset, length);
                }
            }

            @Override
            public void flush() throws IOException {
                if (compressing == null && head.size() > 0) {
                    decide(true);
                }
                if (compressing != null) {
                    (compressing ? brotli : getResponse().getOutputStream()).flush();
                }
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
                throw new UnsupportedOperationException("Compressed responses are written blocking");
            }
        }
    }
}
