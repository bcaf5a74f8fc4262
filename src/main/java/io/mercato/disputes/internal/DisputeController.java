package io.mercato.disputes.internal;

import io.mercato.disputes.Dispute;
import io.mercato.disputes.Disputes;
import io.mercato.ordering.RefundDesk.RefundItem;
import io.mercato.platform.Actor;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The disputes API: the buyer escalates a rejected return, both sides state their case, an operator decides. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Disputes", description = "Buyer–seller disputes over rejected returns, decided by the platform")
class DisputeController {

    private final Disputes disputes;

    DisputeController(Disputes disputes) {
        this.disputes = disputes;
    }

    record Opening(@Nullable String statement) {
    }

    record Statement(@Nullable String statement) {
    }

    record Decision(Dispute.@Nullable Outcome outcome, @Nullable List<RefundItem> items, @Nullable String note) {
    }

    @PostMapping("/orders/{orderId}/refunds/{refundId}/dispute")
    @ResponseStatus(HttpStatus.CREATED)
    Dispute open(@PathVariable long orderId, @PathVariable long refundId,
            @RequestBody(required = false) @Nullable Opening opening, Actor buyer) {
        return disputes.open(buyer, orderId, refundId, opening == null || opening.statement() == null ? ""
                : opening.statement());
    }

    @GetMapping("/disputes")
    List<Dispute> list(@RequestParam(required = false) Dispute.@Nullable Status status, Actor actor) {
        return disputes.list(actor, status);
    }

    @GetMapping("/disputes/{disputeId}")
    Dispute get(@PathVariable long disputeId, Actor actor) {
        return disputes.get(actor, disputeId);
    }

    @PostMapping("/disputes/{disputeId}/statement")
    Dispute state(@PathVariable long disputeId, @RequestBody(required = false) @Nullable Statement statement,
            Actor party) {
        return disputes.state(party, disputeId, statement == null || statement.statement() == null ? ""
                : statement.statement());
    }

    @PostMapping("/disputes/{disputeId}/decision")
    Dispute decide(@PathVariable long disputeId, @RequestBody(required = false) @Nullable Decision decision,
            Actor operator) {
        if (decision == null || decision.outcome() == null) {
            throw new io.mercato.platform.InvalidInputException("outcome",
                    io.mercato.platform.Text.of("dispute.outcome.required"));
        }
        return disputes.decide(operator, disputeId, decision.outcome(), decision.items(), decision.note());
    }
}
