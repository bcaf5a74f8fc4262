package io.mercato.web.instant;

import io.mercato.http.Wording;
import io.mercato.instant.LocalStore;
import io.mercato.instant.LocalStores;
import io.mercato.instant.Position;
import io.mercato.platform.DomainException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The rider-delivery line of the checkout page, one per local store in the cart: the instant module's quote (whether
 * the store delivers to the place now, in about how many minutes, for what fee) for the position the buyer gives,
 * or at first a place next to the store. The page loads it with htmx and asks again when the position changes.
 * Nothing for a store that does not deliver by rider.
 */
@Controller
final class InstantEtaController {

    /** Where the first quote is made before the buyer gives a position: just north-east of the store. */
    static final double FIRST_LAT_OFFSET = 0.008;
    static final double FIRST_LNG_OFFSET = 0.004;

    private final LocalStores stores;
    private final Wording wording;

    InstantEtaController(LocalStores stores, Wording wording) {
        this.stores = stores;
        this.wording = wording;
    }

    @GetMapping("/instant/eta")
    String eta(@RequestParam long storeId, @RequestParam(required = false) @Nullable Double etaLat,
            @RequestParam(required = false) @Nullable Double etaLng, Model model) {
        Optional<LocalStore> store = stores.find(storeId);
        if (store.isEmpty()) {
            return "instant/eta :: none";
        }
        double lat = etaLat == null ? store.get().location().lat() + FIRST_LAT_OFFSET : etaLat;
        double lng = etaLng == null ? store.get().location().lng() + FIRST_LNG_OFFSET : etaLng;
        model.addAttribute("storeId", storeId);
        model.addAttribute("lat", lat);
        model.addAttribute("lng", lng);
        try {
            model.addAttribute("quote", stores.quote(storeId, new Position(lat, lng)));
        } catch (DomainException refused) {
            model.addAttribute("error", wording.of(refused));
        }
        return "instant/eta :: eta";
    }
}
