package io.mercato.assistant;

import io.mercato.platform.Actor;

/**
 * Whether the assistant may send a store's buyers' questions to the configured model (each merchant decides; on by
 * default when a model is configured). With the switch off, or no model, the built-in assistant answers.
 */
public interface AssistantSettings {

    /** @throws io.mercato.platform.ForbiddenException when the store is not the seller's (NotFoundException when there is none) */
    StoreSetting setting(Actor seller, long storeId);

    /** @throws io.mercato.platform.ForbiddenException when the store is not the seller's (NotFoundException when there is none) */
    StoreSetting setModelEnabled(Actor seller, long storeId, boolean enabled);

    /** Whether a model is configured at all. */
    boolean modelConfigured();

    record StoreSetting(long storeId, boolean modelEnabled, boolean modelConfigured) {
    }
}
