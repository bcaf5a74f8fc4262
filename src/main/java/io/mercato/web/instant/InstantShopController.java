package io.mercato.web.instant;

import io.mercato.catalog.Catalog;
import io.mercato.catalog.Product;
import io.mercato.http.CurrentActor;
import io.mercato.http.Wording;
import io.mercato.instant.Deliveries;
import io.mercato.instant.DeliveryTask;
import io.mercato.instant.LocalStore;
import io.mercato.instant.LocalStores;
import io.mercato.instant.Position;
import io.mercato.instant.Quote;
import io.mercato.platform.Actor;
import io.mercato.platform.DomainException;
import io.mercato.platform.InvalidInputException;
import io.mercato.platform.Text;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The shop's 30-minute delivery: what can arrive at the buyer's place within half an hour (stores, ETA, fee and
 * their goods), and after paying an order from a local store, its delivery: asked for at the buyer's place, then
 * followed live (status, ETA, where the rider is, the code to tell the rider).
 */
@Controller
final class InstantShopController {

    private final LocalStores stores;
    private final Deliveries deliveries;
    private final Catalog catalog;
    private final Wording wording;
    private final java.time.Clock clock;

    InstantShopController(LocalStores stores, Deliveries deliveries, Catalog catalog, Wording wording,
            java.time.Clock clock) {
        this.clock = clock;
        this.stores = stores;
        this.deliveries = deliveries;
        this.catalog = catalog;
        this.wording = wording;
    }

    @GetMapping("/instant")
    String nearby(@RequestParam(required = false) @Nullable Double lat, @RequestParam(required = false) @Nullable Double lng,
            Model model) {
        List<LocalStore> all = stores.all();
        model.addAttribute("stores", all);
        Double useLat = lat;
        Double useLng = lng;
        if ((useLat == null || useLng == null) && !all.isEmpty()) {
            // Start next to the first local store, so that a newcomer sees something.
            useLat = all.getFirst().location().lat() + 0.008;
            useLng = all.getFirst().location().lng() + 0.004;
        }
        model.addAttribute("lat", useLat);
        model.addAttribute("lng", useLng);
        if (useLat != null && useLng != null) {
            try {
                List<Quote> reachable = stores.reachable(new Position(useLat, useLng));
                Map<Quote, List<Product>> goods = new LinkedHashMap<>();
                for (Quote quote : reachable) {
                    goods.put(quote, catalog.browse(null, quote.storeId(), 0, 8).items());
                }
                model.addAttribute("reachable", goods);
            } catch (DomainException e) {
                model.addAttribute("error", wording.of(e));
            }
        }
        return "instant/shop";
    }

    @GetMapping("/instant/orders/{orderId}")
    String order(@PathVariable long orderId, Model model) {
        Optional<Actor> actor = CurrentActor.find();
        if (actor.isEmpty()) {
            return "redirect:/login";
        }
        model.addAttribute("orderId", orderId);
        try {
            DeliveryTask delivery = deliveries.forOrder(actor.get(), orderId);
            model.addAttribute("delivery", delivery);
            model.addAttribute("minutesLeft", minutesLeft(delivery));
            model.addAttribute("showLink", false);
        } catch (io.mercato.platform.NotFoundException e) {
            // No delivery yet: the page offers to ask for one.
            model.addAttribute("stores", stores.all());
        }
        return "instant/order";
    }

    @PostMapping("/instant/orders/{orderId}/delivery")
    String request(@PathVariable long orderId, @RequestParam(required = false) @Nullable Double lat,
            @RequestParam(required = false) @Nullable Double lng, RedirectAttributes redirect) {
        Optional<Actor> actor = CurrentActor.find();
        if (actor.isEmpty()) {
            return "redirect:/login";
        }
        try {
            if (lat == null || lng == null) {
                throw new InvalidInputException(lat == null ? "lat" : "lng", Text.of("instant.field.required", lat == null ? "lat" : "lng"));
            }
            deliveries.request(actor.get(), orderId, new Position(lat, lng));
            redirect.addFlashAttribute("notice", "instant.shop.requested");
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", wording.of(e));
        }
        return "redirect:/instant/orders/" + orderId;
    }

    /**
     * The delivery panel as it stands (status, promise, live ETA, the proof code), which the instant order page and
     * the buyer's order page poll with htmx every five seconds until it is delivered or cancelled; nothing for an
     * order without a rider delivery.
     */
    @GetMapping("/instant/orders/{orderId}/panel")
    String panel(@PathVariable long orderId, @RequestParam(defaultValue = "false") boolean link, Actor actor,
            Model model) {
        try {
            DeliveryTask delivery = deliveries.forOrder(actor, orderId);
            model.addAttribute("delivery", delivery);
            model.addAttribute("minutesLeft", minutesLeft(delivery));
            model.addAttribute("showLink", link);
            return "instant/order :: panel";
        } catch (io.mercato.platform.NotFoundException | io.mercato.platform.ForbiddenException none) {
            return "instant/eta :: none";
        }
    }

    /** Whole minutes until the ETA while the delivery is on its way; null once done. */
    private @Nullable Long minutesLeft(DeliveryTask delivery) {
        String status = delivery.status().name();
        if (status.equals("DELIVERED") || status.equals("CANCELLED")) {
            return null;
        }
        return Math.max(0, java.time.Duration.between(clock.instant(), delivery.eta()).toMinutes());
    }

    /** The delivery as it stands, for the order page's live refresh. */
    @GetMapping("/instant/orders/{orderId}/live")
    @ResponseBody
    DeliveryTask live(@PathVariable long orderId, Actor actor) {
        return deliveries.forOrder(actor, orderId);
    }
}
