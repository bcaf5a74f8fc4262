package io.mercato.assistant.internal;

import io.mercato.assistant.Answer;
import io.mercato.assistant.Answer.Source;
import io.mercato.assistant.Answer.ToolUse;
import io.mercato.assistant.Intent;
import io.mercato.assistant.ShoppingGuide;
import io.mercato.fulfillment.Shipments;
import io.mercato.http.Wording;
import io.mercato.ordering.OrderView;
import io.mercato.ordering.Refund;
import io.mercato.platform.Actor;
import io.mercato.platform.Text;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The assistant that needs no model: it classifies the question ({@link Knowledge}), calls the tools the intent
 * needs as the buyer ({@link BuyerTools}) and answers from the message bundles in the buyer's language, citing
 * what it used. What it does not understand goes to the store ({@link Handovers}).
 */
@Component
final class BuiltinAssistant {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Knowledge knowledge;
    private final BuyerTools tools;
    private final RefundProposals proposals;
    private final Handovers handovers;
    private final ShoppingGuide guide;
    private final Wording wording;
    private final ZoneId zone;

    BuiltinAssistant(Knowledge knowledge, BuyerTools tools, RefundProposals proposals, Handovers handovers,
            ShoppingGuide guide, Wording wording, @Value("${mercato.web.time-zone:Asia/Shanghai}") String zone) {
        this.knowledge = knowledge;
        this.tools = tools;
        this.proposals = proposals;
        this.handovers = handovers;
        this.guide = guide;
        this.wording = wording;
        this.zone = ZoneId.of(zone);
    }

    /** A reply in the making: what was said, cited and called. */
    private final class Reply {
        final Intent intent;
        final Locale locale;
        final List<String> text = new ArrayList<>();
        final List<Source> sources = new ArrayList<>();
        final List<ToolUse> tools = new ArrayList<>();
        Answer.@Nullable RefundProposal proposal;
        boolean handedOver;

        Reply(Intent intent, Locale locale) {
            this.intent = intent;
            this.locale = locale;
        }

        Reply say(String key, Object... args) {
            text.add(wording.of(Text.of(key, args), locale));
            return this;
        }

        Reply cite(OrderView order) {
            sources.add(new Source("order", String.valueOf(order.id()), wording.of(Text.of("assistant.source.order",
                    order.id()), locale)));
            return this;
        }

        Reply used(String tool, Map<String, Object> arguments, String outcome) {
            tools.add(new ToolUse(tool, arguments, outcome));
            return this;
        }

        Answer answer(long startedNanos) {
            return new Answer(intent, String.join(" ", text), sources, tools, proposal, handedOver, "builtin",
                    (System.nanoTime() - startedNanos) / 1000);
        }
    }

    Intent classify(String question) {
        return knowledge.understand(question).intent();
    }

    Answer answer(Actor buyer, String question, @Nullable Long named, Locale locale) {
        long started = System.nanoTime();
        Long orderId = named != null ? named : OrderReference.find(question);
        Knowledge.Understood understood = knowledge.understand(question);
        Intent intent = understood.intent();
        if (orderId != null && (intent == Intent.UNKNOWN || intent == Intent.POLICY)) {
            // A question that names one of the buyer's orders is about that order, not about the rules in general.
            intent = aboutTheOrder(understood.faq());
        }
        Reply reply = new Reply(intent, locale);
        switch (intent) {
            case GREETING -> reply.say("assistant.greeting");
            case POLICY -> policy(reply, understood.faq());
            case SHOPPING -> shopping(reply, question);
            case ORDER_STATUS -> orderStatus(reply, buyer, orderId);
            case TRACKING -> tracking(reply, buyer, orderId);
            case REFUND -> refund(reply, buyer, orderId, question);
            case REFUND_STATUS -> refundStatus(reply, buyer, orderId);
            case UNKNOWN -> handOver(reply, buyer, null, question);
        }
        return reply.answer(started);
    }

    private static Intent aboutTheOrder(@Nullable String faq) {
        return switch (faq == null ? "" : faq) {
            case "returns", "dispute" -> Intent.REFUND;
            case "refundTime" -> Intent.REFUND_STATUS;
            case "delivery" -> Intent.TRACKING;
            default -> Intent.ORDER_STATUS;
        };
    }

    private void policy(Reply reply, @Nullable String faq) {
        reply.say("assistant.faq." + faq + ".answer");
        reply.sources.add(new Source("help", String.valueOf(faq), wording.of(Text.of("assistant.faq." + faq + ".title"),
                reply.locale)));
    }

    private void shopping(Reply reply, String question) {
        ShoppingGuide.Guidance found = guide.guide(question, reply.locale, 3);
        reply.used("shopping_guide", Map.of("request", question), "ok");
        if (found.suggestions().isEmpty()) {
            reply.say("assistant.shopping.none");
        } else {
            reply.say("assistant.shopping.found", found.total(), found.suggestions().stream()
                    .map(s -> s.product().title() + " (" + Amounts.format(s.product().priceMinor(), s.product().currency())
                            + ")").collect(Collectors.joining("; ")));
            found.suggestions().forEach(s -> reply.sources.add(new Source("product",
                    String.valueOf(s.product().productId()), s.product().title())));
        }
        if (!found.applied().isEmpty()) {
            reply.say("assistant.shopping.applied", found.applied().stream().map(ShoppingGuide.AppliedFilter::label)
                    .collect(Collectors.joining(", ")));
        }
    }

    private Optional<OrderView> named(Reply reply, Actor buyer, String tool, long orderId) {
        Optional<OrderView> order = tools.order(buyer, orderId);
        reply.used(tool, Map.of("orderId", orderId), order.isPresent() ? "ok" : "not-found");
        if (order.isEmpty()) {
            reply.say("assistant.order.notFound", orderId);
        }
        return order;
    }

    private void orderStatus(Reply reply, Actor buyer, @Nullable Long orderId) {
        if (orderId != null) {
            named(reply, buyer, "order_status", orderId).ifPresent(order -> describe(reply, order));
            return;
        }
        List<OrderView> recent = tools.recentOrders(buyer, BuyerTools.RECENT);
        reply.used("recent_orders", Map.of("limit", BuyerTools.RECENT), "ok");
        if (recent.isEmpty()) {
            reply.say("assistant.order.none");
            return;
        }
        reply.say("assistant.order.recent", recent.size());
        recent.forEach(order -> describe(reply, order));
    }

    private void describe(Reply reply, OrderView order) {
        String items = order.lines().stream().map(l -> l.title() + " × " + l.quantity()).collect(Collectors.joining(", "));
        reply.say("assistant.order.status", order.id(), order.status(), Amounts.format(order.totalMinor(),
                order.currency()), items, WHEN.format(order.placedAt().atZone(zone)));
        reply.cite(order);
    }

    private void tracking(Reply reply, Actor buyer, @Nullable Long orderId) {
        Optional<OrderView> target;
        if (orderId != null) {
            target = named(reply, buyer, "tracking", orderId);
            if (target.isEmpty()) {
                return;
            }
        } else {
            target = tools.latestShipped(buyer);
            reply.used("recent_orders", Map.of("shipped", true), "ok");
            if (target.isEmpty()) {
                reply.say("assistant.tracking.nothingShipped");
                return;
            }
            reply.used("tracking", Map.of("orderId", target.get().id()), "ok");
        }
        OrderView order = target.get();
        reply.cite(order);
        if (order.shippedAt() == null) {
            reply.say("assistant.tracking.notShipped", order.id(), order.status());
            return;
        }
        List<Shipments.Parcel> parcels = tools.parcels(buyer, order.id());
        if (parcels.isEmpty()) {
            reply.say("assistant.tracking.carrier", order.id(), String.valueOf(order.carrier()),
                    String.valueOf(order.trackingNumber()), order.status());
            return;
        }
        for (Shipments.Parcel parcel : parcels) {
            reply.sources.add(new Source("parcel", String.valueOf(parcel.id()), parcel.carrierName() + " "
                    + parcel.trackingNumber()));
            Optional<Shipments.TrackingEvent> last = parcel.timeline().stream()
                    .max(Comparator.comparing(Shipments.TrackingEvent::occurredAt));
            if (last.isPresent()) {
                Shipments.TrackingEvent event = last.get();
                reply.say("assistant.tracking.event", order.id(), parcel.carrierName(), parcel.trackingNumber(),
                        Text.of("assistant.event." + event.kind().name()),
                        event.location() == null ? "—" : event.location(), WHEN.format(event.occurredAt().atZone(zone)));
            } else {
                reply.say("assistant.tracking.parcel", order.id(), parcel.carrierName(), parcel.trackingNumber());
            }
        }
    }

    private void refund(Reply reply, Actor buyer, @Nullable Long orderId, String question) {
        OrderView order;
        if (orderId != null) {
            Optional<OrderView> found = named(reply, buyer, "propose_refund", orderId);
            if (found.isEmpty()) {
                return;
            }
            order = found.get();
        } else {
            List<OrderView> refundable = tools.recentOrders(buyer, 20).stream().filter(BuyerTools::canAskRefund).toList();
            reply.used("recent_orders", Map.of("refundable", true), "ok");
            if (refundable.isEmpty()) {
                reply.say("assistant.refund.nothingRefundable");
                return;
            }
            if (refundable.size() > 1) {
                reply.say("assistant.refund.whichOrder", refundable.stream().limit(5).map(o -> "#" + o.id())
                        .collect(Collectors.joining(", ")));
                refundable.stream().limit(5).forEach(reply::cite);
                return;
            }
            order = refundable.getFirst();
            reply.used("propose_refund", Map.of("orderId", order.id()), "ok");
        }
        reply.cite(order);
        if (!BuyerTools.canAskRefund(order)) {
            reply.say("assistant.refund.notRefundable", order.id(), order.status());
            return;
        }
        Answer.RefundProposal proposal = proposals.propose(buyer, order, question);
        reply.proposal = proposal;
        reply.say(order.shippedAt() == null ? "assistant.refund.proposedBeforeShipment" : "assistant.refund.proposedReturn",
                order.id(), Amounts.format(proposal.amountMinor(), proposal.currency()));
    }

    private void refundStatus(Reply reply, Actor buyer, @Nullable Long orderId) {
        Optional<OrderView> target;
        if (orderId != null) {
            target = named(reply, buyer, "refund_status", orderId);
            if (target.isEmpty()) {
                return;
            }
        } else {
            target = tools.recentOrders(buyer, 20).stream().filter(o -> !o.refunds().isEmpty()).findFirst();
            reply.used("recent_orders", Map.of("withRefunds", true), "ok");
            if (target.isEmpty()) {
                reply.say("assistant.refund.noneAsked");
                return;
            }
        }
        OrderView order = target.get();
        reply.cite(order);
        if (order.refunds().isEmpty()) {
            reply.say("assistant.refund.noneOnOrder", order.id());
            return;
        }
        Refund latest = order.refunds().getLast();
        reply.sources.add(new Source("refund", String.valueOf(latest.id()), wording.of(Text.of("assistant.source.refund",
                latest.id()), reply.locale)));
        reply.say("assistant.refund.status", order.id(), latest.status(), Amounts.format(latest.amountMinor(),
                order.currency()), latest.decisionNote() == null ? "—" : latest.decisionNote());
    }

    /** Passes the question to the store of the order it is about (or the buyer's latest order's store). */
    private void handOver(Reply reply, Actor buyer, @Nullable OrderView order, String question) {
        OrderView about = order != null ? order : tools.recentOrders(buyer, 1).stream().findFirst().orElse(null);
        handovers.record(buyer, about == null ? null : about.storeId(), about == null ? null : about.id(), question);
        reply.handedOver = true;
        reply.say("assistant.handover");
    }
}
