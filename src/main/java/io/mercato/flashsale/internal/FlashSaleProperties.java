package io.mercato.flashsale.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code mercato.flashsale.*}.
 *
 * @param batch most attempts one admission transaction commits together
 * @param queueCapacity attempts one instance queues per sale before it answers 429 with the queue's length
 * @param committers threads per instance that commit admission batches (one sale is committed by one at a time)
 * @param answerWithin how long an attempt waits for its batch before the buyer is told to look again
 * @param soldOutFor how long an instance answers "sold out" from memory before it asks the database again (units
 *        of cancelled orders come back, possibly through another instance)
 * @param orderSweep how often each instance places the orders of claims left without one (after a crash)
 */
@ConfigurationProperties("mercato.flashsale")
record FlashSaleProperties(@DefaultValue("500") int batch, @DefaultValue("20000") int queueCapacity,
        @DefaultValue("2") int committers, @DefaultValue("10s") Duration answerWithin,
        @DefaultValue("500ms") Duration soldOutFor, @DefaultValue("5s") Duration orderSweep) {

    FlashSaleProperties {
        if (batch < 1 || queueCapacity < 1 || committers < 1) {
            throw new IllegalStateException("mercato.flashsale.batch, queue-capacity and committers must be at least 1");
        }
    }
}
