package io.mercato.web.seller;

import io.mercato.ordering.OrderLifecycle;
import io.mercato.ordering.OrderStatus;
import io.mercato.http.Wording;
import io.mercato.payment.Escrow;
import io.mercato.payment.LedgerAccount;
import io.mercato.payment.SettlementCurrencies;
import java.util.List;
import io.mercato.payment.PaymentProvider.PaymentDeclinedException;
import io.mercato.platform.Actor;
import io.mercato.platform.DomainException;
import io.mercato.web.common.AmountField;
import io.mercato.web.common.FormKeys;
import io.mercato.web.common.Said;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The seller's money: settled and pending balances, the currency the seller is paid in, the fee on each completed
 * order, postings and withdrawals.
 */
@Controller
final class SellerFinanceController {

    private static final int HISTORY = 100;

    private final Escrow escrow;
    private final OrderLifecycle lifecycle;

    private final FormKeys formKeys;

    private final Wording wording;
    private final SettlementCurrencies settlementCurrencies;

    SellerFinanceController(Escrow escrow, OrderLifecycle lifecycle, FormKeys formKeys, Wording wording,
            SettlementCurrencies settlementCurrencies) {
        this.wording = wording;
        this.settlementCurrencies = settlementCurrencies;
        this.formKeys = formKeys;
        this.escrow = escrow;
        this.lifecycle = lifecycle;
    }

    @GetMapping("/seller/finance")
    String finance(Actor seller, Model model) {
        List<LedgerAccount> accounts = escrow.accountsOf(seller);
        Balances balances = Balances.of(accounts);
        model.addAttribute("settled", balances.settled());
        model.addAttribute("pending", balances.pending());
        model.addAttribute("settlementCurrency", settlementCurrencies.of(seller.accountId())
                .map(java.util.Currency::getCurrencyCode).orElse(""));
        model.addAttribute("completed", lifecycle.orders(seller, OrderStatus.COMPLETED, null, null, 0, 50));
        model.addAttribute("history", MoneyHistory.of(seller.accountId(), accounts, escrow.statement(seller, HISTORY))
                .rows());
        return "seller/finance";
    }

    @PostMapping("/seller/settlement-currency")
    String chooseSettlementCurrency(Actor seller, @RequestParam(defaultValue = "") String currency,
            RedirectAttributes redirect) {
        try {
            boolean chosen = settlementCurrencies.choose(seller, currency).isPresent();
            redirect.addFlashAttribute("notice", chosen ? "finance.settlement.chosen" : "finance.settlement.own");
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", wording.of(e));
        }
        return "redirect:/seller/finance";
    }

    @PostMapping("/seller/withdrawals")
    String withdraw(Actor seller, @RequestParam String amount, @RequestParam(defaultValue = "CNY") String currency,
            @RequestParam(required = false) @Nullable String formKey, RedirectAttributes redirect) {
        if (!formKeys.claim(seller, formKey)) {
            redirect.addFlashAttribute("notice", "form.repeated");
            return "redirect:/seller/finance";
        }
        try {
            escrow.withdraw(seller, AmountField.parse(amount, currency));
            redirect.addFlashAttribute("notice", "finance.withdrawn");
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", wording.of(e));
        } catch (PaymentDeclinedException e) {
            redirect.addFlashAttribute("error", wording.of(io.mercato.platform.Text.of("workbench.withdraw.declined")));
        }
        return "redirect:/seller/finance";
    }
}
