package io.mercato.ads.internal;

import io.mercato.catalog.Catalog;
import io.mercato.inventory.StockChanged;
import io.mercato.ordering.OrderEvents.OrderPaid;
import io.mercato.platform.DomainException;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** What other modules' events mean for ads. Each handler is idempotent: delivery is at least once. */
@Component
class AdsEvents {

    private final EngineSync engine;
    private final Attribution attribution;
    private final Catalog catalog;

    AdsEvents(EngineSync engine, Attribution attribution, Catalog catalog) {
        this.engine = engine;
        this.attribution = attribution;
        this.catalog = catalog;
    }

    /** A SKU sold out or came back: the campaigns of its product follow. */
    @ApplicationModuleListener
    void on(StockChanged event) {
        long productId;
        try {
            productId = catalog.saleable(event.skuId()).productId();
        } catch (DomainException e) {
            return; // not on sale: its campaigns are not served anyway
        }
        engine.stockChanged(productId);
    }

    /** A paid order is attributed to the buyer's last ad click on each product it bought, within the window. */
    @ApplicationModuleListener
    void on(OrderPaid event) {
        attribution.attribute(event);
    }
}
