package io.mercato.assistant.internal;

import io.mercato.assistant.Answer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * One row per answer (intent, engine, whether handed over, time taken, model tokens) for the operator's count of AI
 * queries handled, and the same as Micrometer metrics: {@code mercato.assistant.answers} (timer, by intent and
 * engine), {@code mercato.assistant.model.tokens} (counter, by direction).
 */
@Component
final class AnswerLog {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final MeterRegistry meters;

    AnswerLog(JdbcClient jdbc, Clock clock, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.meters = meters;
    }

    void record(Answer answer, long promptTokens, long completionTokens) {
        jdbc.sql("""
                INSERT INTO assistant.answers (answered_at, intent, engine, handed_over, took_micros, prompt_tokens,
                    completion_tokens) VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(Timestamp.from(clock.instant()), answer.intent().name(), answer.engine(), answer.handedOver(),
                        answer.tookMicros(), promptTokens, completionTokens).update();
        Timer.builder("mercato.assistant.answers").tag("intent", answer.intent().name()).tag("engine", answer.engine())
                .register(meters).record(answer.tookMicros(), TimeUnit.MICROSECONDS);
        if (promptTokens + completionTokens > 0) {
            meters.counter("mercato.assistant.model.tokens", "direction", "prompt").increment(promptTokens);
            meters.counter("mercato.assistant.model.tokens", "direction", "completion").increment(completionTokens);
        }
    }
}
