package io.mercato.assistant.internal;

import io.mercato.assistant.Answer;
import io.mercato.assistant.CustomerService;
import io.mercato.assistant.Intent;
import io.mercato.http.Wording;
import io.mercato.merchant.Stores;
import io.mercato.ordering.OrderView;
import io.mercato.ordering.Refund;
import io.mercato.ordering.RefundDesk;
import io.mercato.platform.Actor;
import io.mercato.platform.ConflictException;
import io.mercato.platform.InvalidInputException;
import io.mercato.platform.NotFoundException;
import io.mercato.platform.Role;
import io.mercato.platform.Text;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The customer-service assistant: the model answers when one is configured and the store concerned allows it; the
 * built-in assistant answers otherwise, and whenever the model fails (timeout, malformed reply), so a buyer always
 * gets an answer.
 */
@Service
class DefaultCustomerService implements CustomerService {

    private static final Logger log = LoggerFactory.getLogger(DefaultCustomerService.class);

    private final BuiltinAssistant builtin;
    private final ModelAssistant model;
    private final DefaultAssistantSettings settings;
    private final BuyerTools tools;
    private final RefundProposals proposals;
    private final RefundDesk refunds;
    private final Handovers handovers;
    private final AnswerLog answers;
    private final Stores stores;
    private final Wording wording;

    DefaultCustomerService(BuiltinAssistant builtin, ModelAssistant model, DefaultAssistantSettings settings,
            BuyerTools tools, RefundProposals proposals, RefundDesk refunds, Handovers handovers, AnswerLog answers,
            Stores stores, Wording wording) {
        this.builtin = builtin;
        this.model = model;
        this.settings = settings;
        this.tools = tools;
        this.proposals = proposals;
        this.refunds = refunds;
        this.handovers = handovers;
        this.answers = answers;
        this.stores = stores;
        this.wording = wording;
    }

    @Override
    @Transactional
    public Answer ask(Actor buyer, String question, @Nullable Long orderId, Locale locale) {
        buyer.require(Role.BUYER);
        if (question == null || question.isBlank()) {
            throw new InvalidInputException("question", Text.of("assistant.question.blank"));
        }
        if (question.length() > MAX_QUESTION) {
            throw new InvalidInputException("question", Text.of("assistant.question.tooLong", MAX_QUESTION, question.length()));
        }
        if (orderId != null && orderId <= 0) {
            throw new InvalidInputException("orderId", Text.of("assistant.question.orderId", orderId));
        }
        String asked = question.strip();
        if (model.available() && modelAllowed(buyer, asked, orderId)) {
            try {
                ModelAssistant.Outcome outcome = model.answer(buyer, asked, orderId, locale);
                answers.record(outcome.answer(), outcome.promptTokens(), outcome.completionTokens());
                return outcome.answer();
            } catch (ModelAssistant.ModelFailure failed) {
                log.warn("The model could not answer ({}); the built-in assistant answers", failed.getMessage());
            }
            Answer fallback = builtin.answer(buyer, asked, orderId, locale);
            Answer answer = new Answer(fallback.intent(), fallback.text(), fallback.sources(), fallback.tools(),
                    fallback.proposal(), fallback.handedOver(), "builtin-fallback", fallback.tookMicros());
            answers.record(answer, 0, 0);
            return answer;
        }
        Answer answer = builtin.answer(buyer, asked, orderId, locale);
        answers.record(answer, 0, 0);
        return answer;
    }

    /** The store of the order the question is about decides; a question about no order may go to the model. */
    private boolean modelAllowed(Actor buyer, String question, @Nullable Long named) {
        Long orderId = named != null ? named : OrderReference.find(question);
        if (orderId == null) {
            return true;
        }
        return tools.order(buyer, orderId).map(o -> settings.modelEnabled(o.storeId())).orElse(true);
    }

    @Override
    @Transactional
    public Answer confirmRefund(Actor buyer, long proposalId, Locale locale) {
        buyer.require(Role.BUYER);
        long started = System.nanoTime();
        RefundProposals.Pending pending = proposals.take(buyer, proposalId);
        OrderView order = tools.order(buyer, pending.orderId())
                .orElseThrow(() -> new NotFoundException(Text.of("assistant.proposal.notFound", proposalId)));
        if (!BuyerTools.canAskRefund(order)) {
            throw new ConflictException(Text.of("assistant.proposal.notRefundable", order.id(), order.status()));
        }
        Refund refund = refunds.request(buyer, order.id(), null, pending.reason());
        proposals.confirmed(proposalId, refund.id());
        String text = wording.of(Text.of(refund.status() == Refund.RefundStatus.APPROVED
                ? "assistant.refund.confirmedApproved" : "assistant.refund.confirmedRequested", order.id(),
                Amounts.format(refund.amountMinor(), order.currency()), refund.id()), locale);
        Answer answer = new Answer(Intent.REFUND, text,
                List.of(new Answer.Source("order", String.valueOf(order.id()), wording.of(Text.of("assistant.source.order",
                        order.id()), locale)), new Answer.Source("refund", String.valueOf(refund.id()),
                        wording.of(Text.of("assistant.source.refund", refund.id()), locale))),
                List.of(new Answer.ToolUse("request_refund", java.util.Map.of("orderId", order.id(), "proposalId", proposalId),
                        "ok")), null, false, "builtin", (System.nanoTime() - started) / 1000);
        answers.record(answer, 0, 0);
        return answer;
    }

    @Override
    public List<Handover> handovers(Actor seller, int limit) {
        seller.require(Role.SELLER, Role.OPERATOR);
        int capped = Math.max(1, Math.min(limit, 200));
        if (seller.is(Role.OPERATOR)) {
            return handovers.of(null, capped);
        }
        return handovers.of(stores.ownedBy(seller.accountId()).stream().map(s -> s.id()).toList(), capped);
    }
}
