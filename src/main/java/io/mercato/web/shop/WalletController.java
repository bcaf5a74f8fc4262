package io.mercato.web.shop;

import io.mercato.payment.Escrow;
import io.mercato.payment.PaymentProvider.PaymentDeclinedException;
import io.mercato.platform.Actor;
import io.mercato.platform.DomainException;
import io.mercato.platform.InvalidInputException;
import io.mercato.platform.Money;
import io.mercato.platform.Text;
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

/** The buyer's wallet: balance, top-ups through the payment provider, and the history of postings. */
@Controller
final class WalletController {

    private final Escrow escrow;
    private final Wallets wallets;

    private final FormKeys formKeys;

    WalletController(Escrow escrow, Wallets wallets, FormKeys formKeys) {
        this.formKeys = formKeys;
        this.escrow = escrow;
        this.wallets = wallets;
    }

    @GetMapping("/wallet")
    String wallet(Actor buyer, Model model) {
        model.addAttribute("wallets", wallets.of(buyer));
        model.addAttribute("postings", escrow.statement(buyer, 20));
        return "shop/wallet";
    }

    @PostMapping("/wallet/top-up")
    String topUp(Actor buyer, @RequestParam String amount, @RequestParam(defaultValue = "CNY") String currency,
            @RequestParam(required = false) @Nullable String formKey, RedirectAttributes redirect) {
        if (!formKeys.claim(buyer, formKey)) {
            redirect.addFlashAttribute("notice", "form.repeated");
            return "redirect:/wallet";
        }
        try {
            Money money = AmountField.parse(amount, currency);
            if (money.minor() <= 0) {
                throw new InvalidInputException("amount", Text.of("web.topUpPositiveAmountNot", amount));
            }
            escrow.topUp(buyer, money);
            redirect.addFlashAttribute("notice", "wallet.topped");
        } catch (DomainException | PaymentDeclinedException e) {
            redirect.addFlashAttribute("error", Said.of(e));
        }
        return "redirect:/wallet";
    }
}
