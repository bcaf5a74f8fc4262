package io.mercato.web.shop;

import io.mercato.catalog.Catalog;
import io.mercato.catalog.Product;
import io.mercato.catalog.Sku;
import io.mercato.ordering.Cart.CartItem;
import io.mercato.platform.Actor;
import io.mercato.platform.DomainException;
import io.mercato.platform.Role;
import io.mercato.pricing.PriceQuotes;
import io.mercato.pricing.PriceQuotes.CouponChoice;
import io.mercato.pricing.PriceQuotes.DisplayPrice;
import io.mercato.pricing.PriceQuotes.Quote;
import io.mercato.pricing.Vouchers;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** What the shop's pages show of pricing: the cart's quote, display prices, coupons to claim and the buyer's own. */
@Component
public final class PricingView {

    private final PriceQuotes quotes;
    private final Vouchers vouchers;
    private final Catalog catalog;
    private final Clock clock;

    PricingView(PriceQuotes quotes, Vouchers vouchers, Catalog catalog, Clock clock) {
        this.quotes = quotes;
        this.vouchers = vouchers;
        this.catalog = catalog;
        this.clock = clock;
    }

    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** The quote of the cart's items on sale, or empty when there is nothing to price or it cannot be priced. */
    Optional<Quote> quote(Actor buyer, List<CartItem> items, CouponChoice choice) {
        List<PriceQuotes.Line> lines = items.stream().filter(CartItem::onSale)
                .map(item -> new PriceQuotes.Line(item.skuId(), item.quantity())).toList();
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(quotes.quote(new PriceQuotes.QuoteRequest(buyer.accountId(), lines, choice, now())));
        } catch (DomainException e) {
            return Optional.empty();
        }
    }

    static Map<Long, String> titles(List<CartItem> items) {
        Map<Long, String> titles = new HashMap<>();
        items.forEach(item -> titles.put(item.skuId(), item.title()
                + (item.attributes().isEmpty() ? "" : " · " + String.join(" / ", item.attributes().values()))));
        return titles;
    }

    /** The price each SKU shows to this viewer (member prices for members). */
    Map<Long, DisplayPrice> skuPrices(Collection<Long> skuIds, @Nullable Actor viewer) {
        return quotes.displayPrices(skuIds, buyerId(viewer), now());
    }

    /** Per product, the SKU-level price of its cheapest SKU after promotions, for listing cards and search results. */
    Map<Long, DisplayPrice> productPrices(List<Long> productIds, @Nullable Actor viewer) {
        List<Product> products = catalog.products(productIds);
        Map<Long, DisplayPrice> bySku = skuPrices(products.stream().flatMap(p -> p.skus().stream()).map(Sku::id).toList(), viewer);
        Map<Long, DisplayPrice> byProduct = new HashMap<>();
        for (Product product : products) {
            for (Sku sku : product.skus()) {
                DisplayPrice price = bySku.get(sku.id());
                DisplayPrice best = byProduct.get(product.id());
                if (price != null && (best == null || price.price().minor() < best.price().minor())) {
                    byProduct.put(product.id(), price);
                }
            }
        }
        return byProduct;
    }

    List<Vouchers.Pool> claimable(@Nullable Long storeId) {
        return vouchers.claimable(storeId, now());
    }

    List<Vouchers.Claim> usableCoupons(Actor buyer) {
        return vouchers.wallet(buyer).stream().filter(c -> c.state() == Vouchers.ClaimState.USABLE).toList();
    }

    private static @Nullable Long buyerId(@Nullable Actor viewer) {
        return viewer != null && viewer.is(Role.BUYER) ? viewer.accountId() : null;
    }
}
