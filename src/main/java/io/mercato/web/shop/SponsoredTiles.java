package io.mercato.web.shop;

import io.mercato.ads.AdServing;
import io.mercato.ads.SponsoredAd;
import io.mercato.http.CurrentActor;
import io.mercato.platform.Actor;
import io.mercato.platform.Role;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The sponsored tiles of a shop page. Ads never break a page: if serving fails, the page shows none.
 */
@Component
final class SponsoredTiles {

    private static final Logger log = LoggerFactory.getLogger(SponsoredTiles.class);

    private final AdServing serving;

    SponsoredTiles(AdServing serving) {
        this.serving = serving;
    }

    List<SponsoredAd> forSearch(Set<Long> products, Set<Long> categories, HttpServletRequest request,
            HttpServletResponse response) {
        try {
            return serving.forSearch(products, categories, viewer(request, response));
        } catch (RuntimeException e) {
            log.warn("Sponsored tiles of a search failed; the page shows none", e);
            return List.of();
        }
    }

    List<SponsoredAd> forFeed(HttpServletRequest request, HttpServletResponse response) {
        try {
            return serving.forFeed(buyer(), viewer(request, response));
        } catch (RuntimeException e) {
            log.warn("Sponsored tiles of the feed failed; the page shows none", e);
            return List.of();
        }
    }

    private static @Nullable Long buyer() {
        return CurrentActor.find().filter(actor -> actor.is(Role.BUYER)).map(Actor::accountId).orElse(null);
    }

    /** {@code b<account>} for a signed-in buyer, {@code a<account>} for another signed-in user, else the visitor cookie. */
    private static String viewer(HttpServletRequest request, HttpServletResponse response) {
        return CurrentActor.find().map(actor -> (actor.is(Role.BUYER) ? "b" : "a") + actor.accountId())
                .orElseGet(() -> "v" + VisitorCookie.of(request, response));
    }
}
