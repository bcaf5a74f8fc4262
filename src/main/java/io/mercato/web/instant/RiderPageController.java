package io.mercato.web.instant;

import io.mercato.http.CurrentActor;
import io.mercato.http.Wording;
import io.mercato.instant.Position;
import io.mercato.instant.Rider;
import io.mercato.instant.Riders;
import io.mercato.platform.Actor;
import io.mercato.platform.DomainException;
import io.mercato.platform.InvalidInputException;
import io.mercato.platform.Text;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The rider's page, made for a phone: on line or off, the position shared from the phone's location (or typed),
 * and the tasks in route order with accept, decline, picked up and delivered (with the buyer's code).
 */
@Controller
final class RiderPageController {

    private final Riders riders;
    private final Wording wording;

    RiderPageController(Riders riders, Wording wording) {
        this.riders = riders;
        this.wording = wording;
    }

    @GetMapping("/rider")
    String page(Model model) {
        Optional<Actor> actor = CurrentActor.find();
        if (actor.isEmpty()) {
            return "redirect:/login";
        }
        try {
            Rider me = riders.me(actor.get());
            model.addAttribute("rider", me);
            model.addAttribute("tasks", riders.tasks(actor.get()));
        } catch (DomainException e) {
            model.addAttribute("notRider", wording.of(e));
        }
        return "instant/rider";
    }

    @PostMapping("/rider/shift")
    String shift(@RequestParam boolean online, RedirectAttributes redirect) {
        return act(redirect, actor -> riders.goOnline(actor, online), online ? "instant.rider.wentOnline" : "instant.rider.wentOffline");
    }

    @PostMapping("/rider/position")
    String position(@RequestParam(required = false) @Nullable Double lat, @RequestParam(required = false) @Nullable Double lng,
            RedirectAttributes redirect) {
        return act(redirect, actor -> {
            if (lat == null || lng == null) {
                throw new InvalidInputException(lat == null ? "lat" : "lng", Text.of("instant.field.required", lat == null ? "lat" : "lng"));
            }
            riders.report(actor, new Position(lat, lng));
        }, "instant.rider.positionSaved");
    }

    @PostMapping("/rider/tasks/{taskId}/{action}")
    String task(@PathVariable long taskId, @PathVariable String action, @RequestParam(required = false) @Nullable String proofCode,
            RedirectAttributes redirect) {
        return act(redirect, actor -> {
            switch (action) {
                case "accept" -> riders.accept(actor, taskId);
                case "decline" -> riders.decline(actor, taskId);
                case "pickup" -> riders.pickUp(actor, taskId);
                case "deliver" -> riders.deliver(actor, taskId, proofCode == null ? "" : proofCode);
                default -> throw new InvalidInputException("action", Text.of("instant.rider.action", action));
            }
        }, "instant.rider.task." + switch (action) {
            case "accept", "decline", "pickup", "deliver" -> action;
            default -> "accept";
        });
    }

    private interface RiderAction {
        void run(Actor actor);
    }

    private String act(RedirectAttributes redirect, RiderAction action, String notice) {
        Optional<Actor> actor = CurrentActor.find();
        if (actor.isEmpty()) {
            return "redirect:/login";
        }
        try {
            action.run(actor.get());
            redirect.addFlashAttribute("notice", notice);
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", wording.of(e));
        }
        return "redirect:/rider";
    }
}
