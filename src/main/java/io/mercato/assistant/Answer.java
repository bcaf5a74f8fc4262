package io.mercato.assistant;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The assistant's reply to one question, in the asker's language.
 *
 * @param intent what the question was understood to be about
 * @param text the reply
 * @param sources what the reply was built from (an order, a parcel, a help article), so the buyer can check it
 * @param tools the tools called to answer, with their arguments, in order
 * @param proposal a refund request the buyer may confirm with a second call; null when none was proposed
 * @param handedOver whether the question was passed to the store's staff
 * @param engine {@code builtin} (no model), {@code model}, or {@code builtin-fallback} (the model failed)
 */
public record Answer(Intent intent, String text, List<Source> sources, List<ToolUse> tools,
        @Nullable RefundProposal proposal, boolean handedOver, String engine, long tookMicros) {

    public Answer {
        sources = List.copyOf(sources);
        tools = List.copyOf(tools);
    }

    /** @param kind {@code order}, {@code parcel}, {@code refund} or {@code help} */
    public record Source(String kind, String id, String label) {
    }

    /** @param outcome {@code ok}, {@code not-found} (also when the thing is someone else's) or {@code refused} */
    public record ToolUse(String name, java.util.Map<String, Object> arguments, String outcome) {

        public ToolUse {
            arguments = java.util.Map.copyOf(arguments);
        }
    }

    /** A refund request the assistant drafted; nothing is asked of the store until the buyer confirms it. */
    public record RefundProposal(long id, long orderId, long amountMinor, String currency, Instant expiresAt) {
    }
}
