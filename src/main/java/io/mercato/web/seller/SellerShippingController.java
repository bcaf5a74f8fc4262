package io.mercato.web.seller;

import io.mercato.fulfillment.Logistics;
import io.mercato.fulfillment.Logistics.NewTemplate;
import io.mercato.fulfillment.Logistics.NewWarehouse;
import io.mercato.fulfillment.Logistics.Rate;
import io.mercato.fulfillment.Shipments;
import io.mercato.fulfillment.Shipments.PackedLine;
import io.mercato.fulfillment.Shipments.Parcel;
import io.mercato.merchant.Store;
import io.mercato.merchant.Stores;
import io.mercato.ordering.OrderLifecycle;
import io.mercato.ordering.OrderView;
import io.mercato.platform.Actor;
import io.mercato.platform.DomainException;
import io.mercato.platform.InvalidInputException;
import io.mercato.platform.Text;
import io.mercato.web.common.Formats;
import io.mercato.web.common.RefusalText;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The seller's shipping: warehouses, each store's template (warehouse, service, rate, free-shipping threshold),
 * parcel alerts, and per order the parcels packed from its lines with their tracking timelines.
 */
@Controller
final class SellerShippingController {

    private final Logistics logistics;
    private final Shipments shipments;
    private final Stores stores;
    private final OrderLifecycle lifecycle;
    private final RefusalText refusals;

    SellerShippingController(Logistics logistics, Shipments shipments, Stores stores, OrderLifecycle lifecycle,
            RefusalText refusals) {
        this.logistics = logistics;
        this.shipments = shipments;
        this.stores = stores;
        this.lifecycle = lifecycle;
        this.refusals = refusals;
    }

    @GetMapping("/seller/shipping")
    String shipping(Actor seller, Model model) {
        List<Store> own = stores.ownedBy(seller.accountId());
        Map<Long, Logistics.Template> templates = new LinkedHashMap<>();
        own.forEach(store -> {
            Logistics.Template template = logistics.template(store.id());
            if (template != null) {
                templates.put(store.id(), template);
            }
        });
        model.addAttribute("stores", own);
        model.addAttribute("warehouses", logistics.warehouses(seller));
        model.addAttribute("templates", templates);
        model.addAttribute("services", logistics.services());
        model.addAttribute("alerts", shipments.alerts(seller, false));
        return "seller/shipping";
    }

    @PostMapping("/seller/shipping/warehouses")
    String addWarehouse(Actor seller, @RequestParam long storeId, @RequestParam String name, @RequestParam String city,
            @RequestParam(required = false) @Nullable String province, @RequestParam String country,
            @RequestParam String timeZone, @RequestParam String cutoff, RedirectAttributes redirect) {
        try {
            logistics.addWarehouse(seller, new NewWarehouse(storeId, name, city, province, country.strip().toUpperCase(),
                    timeZone, time(cutoff), false));
            redirect.addFlashAttribute("notice", "fulfillment.warehouse.added");
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", refusals.of("fulfillment.error", e));
        }
        return "redirect:/seller/shipping";
    }

    @PostMapping("/seller/shipping/templates/{storeId}")
    String template(Actor seller, @PathVariable long storeId, @RequestParam long warehouseId, @RequestParam long serviceId,
            @RequestParam(required = false) @Nullable String freeOver, @RequestParam(required = false) @Nullable String firstKg,
            @RequestParam(required = false) @Nullable String extraKg, @RequestParam(defaultValue = "*") String destination,
            RedirectAttributes redirect) {
        try {
            String currency = stores.requireManagedBy(seller, storeId).currency();
            List<Rate> rates = new ArrayList<>();
            if (firstKg != null && !firstKg.isBlank()) {
                rates.add(new Rate(destination, minor("firstKgMinor", firstKg, currency),
                        extraKg == null || extraKg.isBlank() ? 0 : minor("extraKgMinor", extraKg, currency)));
            }
            Long threshold = freeOver == null || freeOver.isBlank() ? null : minor("freeOverMinor", freeOver, currency);
            logistics.putTemplate(seller, storeId, new NewTemplate(warehouseId, serviceId, threshold, rates));
            redirect.addFlashAttribute("notice", "fulfillment.template.saved");
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", refusals.of("fulfillment.error", e));
        }
        return "redirect:/seller/shipping";
    }

    @PostMapping("/seller/shipping/alerts/{alertId}/resolve")
    String resolve(Actor seller, @PathVariable long alertId, RedirectAttributes redirect) {
        try {
            shipments.resolve(seller, alertId);
            redirect.addFlashAttribute("notice", "fulfillment.alert.resolved");
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", refusals.of("fulfillment.error", e));
        }
        return "redirect:/seller/shipping";
    }

    @GetMapping("/seller/shipping/orders/{orderId}")
    String order(Actor seller, @PathVariable long orderId, Model model) {
        OrderView order = lifecycle.order(seller, orderId);
        List<Parcel> parcels = shipments.parcelsOf(seller, orderId);
        Map<Long, Long> packed = new HashMap<>();
        parcels.forEach(parcel -> parcel.lines().forEach(line -> packed.merge(line.lineId(), line.quantity(), Long::sum)));
        Map<Long, Long> left = new LinkedHashMap<>();
        order.lines().forEach(line -> left.put(line.id(),
                Math.max(0, line.quantity() - line.refundedQuantity() - packed.getOrDefault(line.id(), 0L))));
        model.addAttribute("order", order);
        model.addAttribute("parcels", parcels);
        model.addAttribute("left", left);
        model.addAttribute("template", logistics.template(order.storeId()));
        return "seller/shipping-order";
    }

    @PostMapping("/seller/shipping/orders/{orderId}/parcels")
    String pack(Actor seller, @PathVariable long orderId, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        try {
            List<PackedLine> lines = new ArrayList<>();
            form.forEach((name, value) -> {
                if (name.startsWith("qty-") && value != null && !value.isBlank()) {
                    long quantity;
                    try {
                        quantity = Long.parseLong(value.strip());
                    } catch (NumberFormatException e) {
                        throw new InvalidInputException("quantity", Text.of("web.quantitiesWholeNumbers"));
                    }
                    if (quantity != 0) {
                        lines.add(new PackedLine(Long.parseLong(name.substring(4)), quantity));
                    }
                }
            });
            shipments.pack(seller, orderId, lines);
            redirect.addFlashAttribute("notice", "fulfillment.parcel.packed");
        } catch (NumberFormatException e) {
            redirect.addFlashAttribute("error", refusals.of("fulfillment.error", new InvalidInputException("lineId", Text.of("web.badLine"))));
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", refusals.of("fulfillment.error", e));
        }
        return "redirect:/seller/shipping/orders/" + orderId;
    }

    private static LocalTime time(String text) {
        try {
            return LocalTime.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("cutoff", Text.of("web.giveCutOffHHMM"));
        }
    }

    private static long minor(String field, String text, String currency) {
        try {
            long minor = Formats.parseMinor(text, currency);
            if (minor < 0) {
                throw new InvalidInputException(field, Text.of("web.amountsCannotNegative"));
            }
            return minor;
        } catch (NumberFormatException | ArithmeticException e) {
            throw new InvalidInputException(field, Text.of("web.giveAmountSuch"));
        }
    }
}
