package io.mercato.web.ops;

import io.mercato.fulfillment.Logistics;
import io.mercato.fulfillment.Logistics.CarrierSecret;
import io.mercato.fulfillment.Logistics.NewWarehouse;
import io.mercato.fulfillment.ServiceKind;
import io.mercato.fulfillment.Shipments;
import io.mercato.platform.Actor;
import io.mercato.platform.DomainException;
import io.mercato.platform.InvalidInputException;
import io.mercato.platform.Role;
import io.mercato.platform.Text;
import io.mercato.web.common.RefusalText;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The operator's logistics console: carriers (secrets shown once, rotation), services, lanes with their on-time
 * rate, the holiday calendar, platform warehouses and the metrics; and on a second page the exceptions, refused
 * webhooks and the parcels waiting at hubs to be consolidated.
 */
@Controller
final class OpsLogisticsController {

    private static final String ERRORS = "fulfillment.error";

    private final Logistics logistics;
    private final Shipments shipments;
    private final RefusalText refusals;

    OpsLogisticsController(Logistics logistics, Shipments shipments, RefusalText refusals) {
        this.logistics = logistics;
        this.shipments = shipments;
        this.refusals = refusals;
    }

    @GetMapping("/ops/logistics")
    String logistics(Actor operator, Model model) {
        operator.require(Role.OPERATOR);
        model.addAttribute("carriers", logistics.carriers(operator));
        model.addAttribute("services", logistics.services());
        model.addAttribute("lanes", logistics.lanes());
        model.addAttribute("holidays", logistics.holidays());
        model.addAttribute("warehouses", logistics.warehouses(operator).stream().filter(w -> w.storeId() == null).toList());
        model.addAttribute("metrics", shipments.metrics(operator, 30));
        model.addAttribute("kinds", ServiceKind.values());
        return "ops/logistics";
    }

    @GetMapping("/ops/logistics/exceptions")
    String exceptions(Actor operator, Model model) {
        operator.require(Role.OPERATOR);
        model.addAttribute("alerts", shipments.alerts(operator, false));
        model.addAttribute("refused", shipments.refused(operator, 100));
        model.addAttribute("awaiting", shipments.awaitingConsolidation(operator));
        model.addAttribute("services", logistics.services());
        return "ops/logistics-exceptions";
    }

    @PostMapping("/ops/logistics/carriers")
    String addCarrier(Actor operator, @RequestParam String code, @RequestParam String name, RedirectAttributes redirect) {
        return act(redirect, "/ops/logistics", () -> {
            CarrierSecret added = logistics.addCarrier(operator, code.strip().toUpperCase(), name);
            redirect.addFlashAttribute("secretFor", added.carrier().code());
            redirect.addFlashAttribute("secret", added.secret());
        }, "fulfillment.carrier.added");
    }

    @PostMapping("/ops/logistics/carriers/{carrierId}/secret")
    String rotate(Actor operator, @PathVariable long carrierId, @RequestParam(defaultValue = "24") int graceHours,
            RedirectAttributes redirect) {
        return act(redirect, "/ops/logistics", () -> {
            CarrierSecret rotated = logistics.rotateSecret(operator, carrierId, graceHours);
            redirect.addFlashAttribute("secretFor", rotated.carrier().code());
            redirect.addFlashAttribute("secret", rotated.secret());
        }, "fulfillment.carrier.rotated");
    }

    @PostMapping("/ops/logistics/services")
    String addService(Actor operator, @RequestParam long carrierId, @RequestParam String code, @RequestParam ServiceKind kind,
            @RequestParam String name, RedirectAttributes redirect) {
        return act(redirect, "/ops/logistics", () -> logistics.addService(operator, carrierId, code.strip().toUpperCase(), kind, name),
                "fulfillment.service.added");
    }

    @PostMapping("/ops/logistics/lanes")
    String lane(Actor operator, @RequestParam long serviceId, @RequestParam String origin, @RequestParam String destination,
            @RequestParam int transitDays, RedirectAttributes redirect) {
        return act(redirect, "/ops/logistics", () -> logistics.putLane(operator, serviceId, origin, destination, transitDays),
                "fulfillment.lane.saved");
    }

    @PostMapping("/ops/logistics/holidays")
    String holiday(Actor operator, @RequestParam String country, @RequestParam String day, @RequestParam String name,
            RedirectAttributes redirect) {
        return act(redirect, "/ops/logistics", () -> logistics.addHoliday(operator, country.strip().toUpperCase(), date(day), name),
                "fulfillment.holiday.added");
    }

    @PostMapping("/ops/logistics/holidays/{country}/{day}/removal")
    String removeHoliday(Actor operator, @PathVariable String country, @PathVariable String day, RedirectAttributes redirect) {
        return act(redirect, "/ops/logistics", () -> logistics.removeHoliday(operator, country, date(day)),
                "fulfillment.holiday.removed");
    }

    @PostMapping("/ops/logistics/warehouses")
    String warehouse(Actor operator, @RequestParam String name, @RequestParam String city,
            @RequestParam(required = false) @Nullable String province, @RequestParam String country,
            @RequestParam String timeZone, @RequestParam String cutoff, @RequestParam(defaultValue = "false") boolean hub,
            RedirectAttributes redirect) {
        return act(redirect, "/ops/logistics", () -> logistics.addWarehouse(operator, new NewWarehouse(null, name, city, province,
                country.strip().toUpperCase(), timeZone, time(cutoff), hub)), "fulfillment.warehouse.added");
    }

    @PostMapping("/ops/logistics/alerts/{alertId}/resolve")
    String resolve(Actor operator, @PathVariable long alertId, RedirectAttributes redirect) {
        return act(redirect, "/ops/logistics/exceptions", () -> shipments.resolve(operator, alertId), "fulfillment.alert.resolved");
    }

    @PostMapping("/ops/logistics/consolidations")
    String consolidate(Actor operator, @RequestParam long hubId, @RequestParam long buyerAccountId, @RequestParam long serviceId,
            RedirectAttributes redirect) {
        return act(redirect, "/ops/logistics/exceptions", () -> shipments.consolidate(operator, hubId, buyerAccountId, serviceId),
                "fulfillment.consolidated");
    }

    private String act(RedirectAttributes redirect, String back, Runnable action, String notice) {
        try {
            action.run();
            redirect.addFlashAttribute("notice", notice);
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", refusals.of(ERRORS, e));
        }
        return "redirect:" + back;
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("day", Text.of("web.giveDayYYYYMMDD"));
        }
    }

    private static LocalTime time(String text) {
        try {
            return LocalTime.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("cutoff", Text.of("web.giveCutOffHHMM"));
        }
    }
}
