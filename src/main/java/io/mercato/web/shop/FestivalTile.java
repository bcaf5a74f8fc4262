package io.mercato.web.shop;

import io.mercato.catalog.Catalog;
import io.mercato.catalog.Product;
import io.mercato.catalog.Sku;
import io.mercato.platform.Money;
import io.mercato.pricing.Festivals;
import io.mercato.pricing.PriceQuotes;
import io.mercato.pricing.PriceQuotes.DisplayPrice;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * One enrolled product on a festival page: its title, image and the display price of its cheapest enrolled SKU for the
 * viewer now (after SKU-level promotions), beside the list price when they differ.
 */
record FestivalTile(Product product, long skuId, Money list, Money price) {

    public boolean discounted() {
        return price.minor() < list.minor();
    }

    /** Builds the tiles of a festival's listed, enrolled products, in the order they were enrolled. */
    @Component
    static final class Builder {

        private final Festivals festivals;
        private final Catalog catalog;
        private final ObjectProvider<PriceQuotes> quotes;

        Builder(Festivals festivals, Catalog catalog, ObjectProvider<PriceQuotes> quotes) {
            this.festivals = festivals;
            this.catalog = catalog;
            this.quotes = quotes;
        }

        List<FestivalTile> tiles(long festivalId, @Nullable Long viewerId, Instant at, int limit) {
            List<Festivals.Enrolment> enrolments = festivals.enrolments(festivalId, null);
            Set<Long> listed = catalog.listedSkus(enrolments.stream().map(Festivals.Enrolment::skuId).toList());
            Map<Long, List<Long>> skusByProduct = new LinkedHashMap<>();
            for (Festivals.Enrolment e : enrolments) {
                if (listed.contains(e.skuId()) && (skusByProduct.size() < limit || skusByProduct.containsKey(e.productId()))) {
                    skusByProduct.computeIfAbsent(e.productId(), k -> new ArrayList<>()).add(e.skuId());
                }
            }
            if (skusByProduct.isEmpty()) {
                return List.of();
            }
            List<Long> skuIds = skusByProduct.values().stream().flatMap(List::stream).toList();
            PriceQuotes engine = quotes.getIfAvailable();
            Map<Long, DisplayPrice> prices = engine == null ? Map.of() : engine.displayPrices(skuIds, viewerId, at);
            List<FestivalTile> tiles = new ArrayList<>();
            for (Product product : catalog.products(List.copyOf(skusByProduct.keySet()))) {
                FestivalTile best = null;
                for (Sku sku : product.skus()) {
                    if (!skusByProduct.get(product.id()).contains(sku.id())) {
                        continue;
                    }
                    DisplayPrice shown = prices.get(sku.id());
                    FestivalTile tile = shown == null ? new FestivalTile(product, sku.id(), sku.price(), sku.price())
                            : new FestivalTile(product, sku.id(), shown.list(), shown.price());
                    if (best == null || tile.price().minor() < best.price().minor()) {
                        best = tile;
                    }
                }
                if (best != null) {
                    tiles.add(best);
                }
            }
            return tiles;
        }
    }
}
