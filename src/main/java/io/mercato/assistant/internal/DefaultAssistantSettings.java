package io.mercato.assistant.internal;

import io.mercato.assistant.AssistantSettings;
import io.mercato.merchant.Stores;
import io.mercato.platform.Actor;
import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Each store's switch of the model: on unless its merchant turned it off. */
@Service
class DefaultAssistantSettings implements AssistantSettings {

    private final JdbcClient jdbc;
    private final Stores stores;
    private final ModelGateway gateway;
    private final Clock clock;

    DefaultAssistantSettings(JdbcClient jdbc, Stores stores, ModelGateway gateway, Clock clock) {
        this.jdbc = jdbc;
        this.stores = stores;
        this.gateway = gateway;
        this.clock = clock;
    }

    @Override
    public StoreSetting setting(Actor seller, long storeId) {
        stores.requireManagedBy(seller, storeId);
        return new StoreSetting(storeId, modelEnabled(storeId), gateway.configured());
    }

    @Override
    @Transactional
    public StoreSetting setModelEnabled(Actor seller, long storeId, boolean enabled) {
        stores.requireManagedBy(seller, storeId);
        jdbc.sql("""
                INSERT INTO assistant.store_settings (store_id, model_enabled, changed_at, changed_by) VALUES (?, ?, ?, ?)
                ON CONFLICT (store_id) DO UPDATE SET model_enabled = EXCLUDED.model_enabled,
                    changed_at = EXCLUDED.changed_at, changed_by = EXCLUDED.changed_by""")
                .params(storeId, enabled, Timestamp.from(clock.instant()), seller.accountId()).update();
        return new StoreSetting(storeId, enabled, gateway.configured());
    }

    @Override
    public boolean modelConfigured() {
        return gateway.configured();
    }

    boolean modelEnabled(long storeId) {
        return jdbc.sql("SELECT model_enabled FROM assistant.store_settings WHERE store_id = ?").param(storeId)
                .query(Boolean.class).optional().orElse(true);
    }
}
