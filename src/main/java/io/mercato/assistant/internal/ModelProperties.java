package io.mercato.assistant.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The model the assistant may use: any OpenAI-compatible chat API (Qwen on Alibaba Cloud Model Studio, a local vLLM or
 * Ollama). No URL, no model: the built-in assistant answers alone.
 *
 * @param url the API's base URL, up to and including {@code /v1}
 * @param timeout for one call to the model
 * @param maxRetries further attempts after a failed call
 * @param maxToolRounds how many rounds of tool calls one answer may take
 */
@ConfigurationProperties("mercato.assistant.model")
record ModelProperties(@DefaultValue("") String url, @DefaultValue("qwen-plus") String name, @DefaultValue("") String key,
        @DefaultValue("15s") Duration timeout, @DefaultValue("1") int maxRetries, @DefaultValue("4") int maxToolRounds) {

    ModelProperties {
        url = url == null ? "" : url.strip();
        name = name == null || name.isBlank() ? "qwen-plus" : name.strip();
        key = key == null ? "" : key;
        timeout = timeout == null || timeout.isNegative() || timeout.isZero() ? Duration.ofSeconds(15) : timeout;
        maxRetries = Math.max(0, maxRetries);
        maxToolRounds = maxToolRounds <= 0 ? 4 : maxToolRounds;
    }

    boolean configured() {
        return !url.isEmpty();
    }
}
