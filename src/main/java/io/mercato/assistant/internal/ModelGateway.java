package io.mercato.assistant.internal;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiChatModel;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The one way to the model: LangChain4j's OpenAI-compatible client (tool calling, a timeout per call, retries), with
 * each call's latency ({@code mercato.assistant.model.calls}, by outcome) and tokens measured. Nothing else in the
 * module talks to the model.
 */
@Component
@EnableConfigurationProperties(ModelProperties.class)
final class ModelGateway {

    private final ModelProperties properties;
    private final @Nullable ChatModel model;
    private final MeterRegistry meters;

    ModelGateway(ModelProperties properties, MeterRegistry meters) {
        this.properties = properties;
        this.meters = meters;
        this.model = properties.configured() ? OpenAiChatModel.builder()
                .baseUrl(properties.url())
                .apiKey(properties.key().isEmpty() ? "none" : properties.key())
                .modelName(properties.name())
                .timeout(properties.timeout())
                .maxRetries(properties.maxRetries())
                .temperature(0.2)
                .build() : null;
    }

    boolean configured() {
        return model != null;
    }

    ModelProperties properties() {
        return properties;
    }

    /** The model's reply, or empty when no model is configured. Failures (timeouts, bad replies) are thrown. */
    Optional<ChatResponse> chat(ChatRequest request) {
        if (model == null) {
            return Optional.empty();
        }
        long started = System.nanoTime();
        String outcome = "ok";
        try {
            return Optional.of(model.chat(request));
        } catch (RuntimeException failed) {
            outcome = "failed";
            throw failed;
        } finally {
            Timer.builder("mercato.assistant.model.calls").tag("outcome", outcome).register(meters)
                    .record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
        }
    }
}
