package io.mercato.web.common;

import io.mercato.fulfillment.Logistics;
import io.mercato.fulfillment.Promises;
import io.mercato.fulfillment.Promises.Promise;
import io.mercato.fulfillment.Shipments;
import io.mercato.fulfillment.Shipments.Parcel;
import io.mercato.http.CurrentActor;
import io.mercato.ordering.Address;
import io.mercato.ordering.OrderLifecycle;
import io.mercato.ordering.OrderView;
import io.mercato.platform.Actor;
import io.mercato.platform.DomainException;
import io.mercato.platform.Role;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Delivery as the pages show it, for the viewer of the page: the promise on a product page (to the buyer's last
 * address, else where the store ships from), an order's promise and parcels, and the promise's day in the reader's
 * language ("Thursday 4 Dec", "12月4日 星期四"). Templates call it as {@code @delivery}, so the shop's controllers
 * need no change to show it.
 */
@Component("delivery")
public final class DeliveryView {

    private final Promises promises;
    private final Shipments shipments;
    private final Logistics logistics;
    private final OrderLifecycle lifecycle;
    private final MessageSource messages;

    DeliveryView(Promises promises, Shipments shipments, Logistics logistics, OrderLifecycle lifecycle, MessageSource messages) {
        this.promises = promises;
        this.shipments = shipments;
        this.logistics = logistics;
        this.lifecycle = lifecycle;
        this.messages = messages;
    }

    /** Where a product of the store would arrive by, or null when the store promises nothing there. */
    public @Nullable ProductPromise forProduct(long storeId) {
        Actor viewer = CurrentActor.find().orElse(null);
        Address last = null;
        if (viewer != null && viewer.is(Role.BUYER)) {
            List<OrderView> newest = lifecycle.orders(viewer, null, null, null, 0, 1);
            last = newest.isEmpty() ? null : newest.getFirst().address();
        }
        try {
            if (last != null) {
                Promise promise = promises.quote(storeId, last.country(), last.province(), last.city());
                return promise == null ? null : new ProductPromise(promise, last.city());
            }
            Logistics.Template template = logistics.template(storeId);
            if (template == null) {
                return null;
            }
            var from = template.warehouse();
            Promise promise = promises.quote(storeId, from.country(), from.province(), from.city());
            return promise == null ? null : new ProductPromise(promise, from.city());
        } catch (DomainException e) {
            return null;
        }
    }

    public record ProductPromise(Promise promise, String destinationCity) {
    }

    public @Nullable Promise ofOrder(long orderId) {
        Actor viewer = CurrentActor.find().orElse(null);
        if (viewer == null) {
            return null;
        }
        try {
            return promises.ofOrder(viewer, orderId);
        } catch (DomainException e) {
            return null;
        }
    }

    public List<Parcel> parcels(long orderId) {
        Actor viewer = CurrentActor.find().orElse(null);
        if (viewer == null) {
            return List.of();
        }
        try {
            return shipments.parcelsOf(viewer, orderId);
        } catch (DomainException e) {
            return List.of();
        }
    }

    /** The day as the reader's language writes a delivery day. */
    public String day(@Nullable LocalDate day) {
        if (day == null) {
            return "";
        }
        var locale = LocaleContextHolder.getLocale();
        String pattern = messages.getMessage("fulfillment.dayPattern", null, "EEEE d MMM", locale);
        return DateTimeFormatter.ofPattern(pattern, locale).format(day);
    }
}
