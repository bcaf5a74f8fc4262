package io.mercato.web.shop;

import io.mercato.pricing.Festivals;
import java.time.Clock;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The home page announces the current festival (the running one that ends first, else the next). */
@ControllerAdvice(assignableTypes = BrowseController.class)
final class FestivalBanner {

    private final Festivals festivals;
    private final Clock clock;

    FestivalBanner(Festivals festivals, Clock clock) {
        this.festivals = festivals;
        this.clock = clock;
    }

    @ModelAttribute
    void headline(Model model) {
        var now = clock.instant();
        festivals.headline(now).ifPresent(festival -> {
            model.addAttribute("headlineFestival", festival);
            model.addAttribute("headlineCountdown", Countdown.of(festival, now));
        });
    }
}
