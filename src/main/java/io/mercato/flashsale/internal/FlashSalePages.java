package io.mercato.flashsale.internal;

import io.mercato.flashsale.FlashClaim;
import io.mercato.flashsale.FlashSale;
import io.mercato.flashsale.FlashSales;
import io.mercato.http.CurrentActor;
import io.mercato.http.Wording;
import io.mercato.ordering.Address;
import io.mercato.platform.Actor;
import io.mercato.platform.DomainException;
import io.mercato.platform.Role;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The shop's flash-sale pages: every sale not yet ended with its countdown and units left, and one sale's page with
 * the buy form; a buyer's attempt lands on the order it won (awaiting payment) or on the refusal in words.
 */
@Controller
final class FlashSalePages {

    private static final List<String> FIELDS = List.of("recipient", "phone", "line1", "city", "country");

    private final FlashSales sales;
    private final Wording wording;
    private final Clock clock;

    FlashSalePages(FlashSales sales, Wording wording, Clock clock) {
        this.sales = sales;
        this.wording = wording;
        this.clock = clock;
    }

    /** What the countdown counts to; the fragment {@code festival/parts :: countdown} renders and ticks it. */
    record Countdown(String key, long secondsLeft) {

        static @Nullable Countdown of(FlashSale sale, Instant now) {
            return switch (sale.status()) {
                case UPCOMING -> new Countdown("flashsale.countdown.start", Duration.between(now, sale.startsAt()).toSeconds());
                case LIVE, SOLD_OUT -> new Countdown("flashsale.countdown.end", Duration.between(now, sale.endsAt()).toSeconds());
                case ENDED, CANCELLED -> null;
            };
        }

        public long days() {
            return secondsLeft / 86_400;
        }

        public String clock() {
            long rest = secondsLeft % 86_400;
            return String.format("%02d:%02d:%02d", rest / 3600, rest / 60 % 60, rest % 60);
        }
    }

    record Entry(FlashSale sale, @Nullable Countdown countdown) {
    }

    @GetMapping("/flash-sales")
    String index(Model model) {
        Instant now = clock.instant();
        model.addAttribute("entries", sales.current().stream().map(s -> new Entry(s, Countdown.of(s, now))).toList());
        return "flashsale/index";
    }

    @GetMapping("/flash-sales/{saleId}")
    String sale(@PathVariable long saleId, @RequestParam(required = false) @Nullable Long claim, Model model) {
        return render(saleId, model, null, emptyAddress(), claim);
    }

    @PostMapping("/flash-sales/{saleId}/attempts")
    String attempt(@PathVariable long saleId, @RequestParam Map<String, String> form, Model model) {
        Actor actor = CurrentActor.find().orElse(null);
        if (actor == null) {
            return "redirect:/login";
        }
        Map<String, String> address = new LinkedHashMap<>();
        FIELDS.forEach(f -> address.put(f, form.getOrDefault(f, "").strip()));
        try {
            long quantity = parse(form.get("quantity"));
            FlashClaim claim = sales.attempt(actor, saleId, quantity, new Address(address.get("recipient"),
                    address.get("phone"), address.get("line1"), null, address.get("city"), null, null,
                    address.get("country")), form.getOrDefault("attemptKey", UUID.randomUUID().toString()));
            return "redirect:/flash-sales/" + saleId + "?claim=" + claim.id();
        } catch (DomainException refused) {
            return render(saleId, model, wording.of(refused), address, null);
        }
    }

    private static long parse(@Nullable String quantity) {
        try {
            return quantity == null || quantity.isBlank() ? 1 : Long.parseLong(quantity.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private String render(long saleId, Model model, @Nullable String error, Map<String, String> address,
            @Nullable Long claimId) {
        FlashSale sale = sales.sale(saleId);
        Actor me = CurrentActor.find().orElse(null);
        model.addAttribute("sale", sale);
        model.addAttribute("countdown", Countdown.of(sale, clock.instant()));
        model.addAttribute("error", error);
        model.addAttribute("address", address);
        model.addAttribute("attemptKey", UUID.randomUUID().toString());
        model.addAttribute("buyer", me != null && me.is(Role.BUYER));
        model.addAttribute("anonymous", me == null);
        if (me != null && me.is(Role.BUYER)) {
            if (claimId != null) {
                sales.placeOrders();
            }
            List<FlashClaim> claims = sales.claims(me, saleId);
            model.addAttribute("claims", claims);
            model.addAttribute("won", claimId == null ? null
                    : claims.stream().filter(c -> c.id() == claimId).findFirst().orElse(null));
        } else {
            model.addAttribute("claims", List.of());
            model.addAttribute("won", null);
        }
        return "flashsale/sale";
    }

    private static Map<String, String> emptyAddress() {
        Map<String, String> address = new LinkedHashMap<>();
        FIELDS.forEach(f -> address.put(f, f.equals("country") ? "CN" : ""));
        return address;
    }
}
