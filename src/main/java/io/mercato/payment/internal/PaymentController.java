package io.mercato.payment.internal;

import io.mercato.payment.Escrow;
import io.mercato.payment.LedgerAccount;
import io.mercato.payment.Posting;
import io.mercato.payment.TopUp;
import io.mercato.payment.Withdrawal;
import io.mercato.platform.Actor;
import io.mercato.platform.InvalidInputException;
import io.mercato.platform.Money;
import io.mercato.platform.Role;
import io.mercato.platform.Text;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Money", description = "Wallets, merchant balances, withdrawals and the ledger")
class PaymentController {

    private final Escrow escrow;
    private final io.mercato.payment.SettlementCurrencies settlementCurrencies;

    PaymentController(Escrow escrow, io.mercato.payment.SettlementCurrencies settlementCurrencies) {
        this.escrow = escrow;
        this.settlementCurrencies = settlementCurrencies;
    }

    /** The currency the merchant is paid in; null when each order settles in its own currency. */
    record SettlementCurrency(@org.jspecify.annotations.Nullable String currency) {
    }

    @GetMapping("/merchant/settlement-currency")
    SettlementCurrency settlementCurrency(Actor actor) {
        return new SettlementCurrency(settlementCurrencies.of(actor.require(Role.SELLER).accountId())
                .map(java.util.Currency::getCurrencyCode).orElse(null));
    }

    @org.springframework.web.bind.annotation.PutMapping("/merchant/settlement-currency")
    SettlementCurrency chooseSettlementCurrency(@RequestBody SettlementCurrency wanted, Actor actor) {
        return new SettlementCurrency(settlementCurrencies.choose(actor, wanted.currency())
                .map(java.util.Currency::getCurrencyCode).orElse(null));
    }

    record Amount(@NotNull Long amountMinor, @NotBlank String currency) {
        Money money() {
            return Money.of(amountMinor, currency);
        }
    }

    @GetMapping("/wallet")
    List<LedgerAccount> wallet(Actor actor) {
        return escrow.accountsOf(actor.require(Role.BUYER));
    }

    @PostMapping("/wallet/top-ups")
    @ResponseStatus(HttpStatus.CREATED)
    TopUp topUp(@Valid @RequestBody Amount amount, Actor actor) {
        return escrow.topUp(actor.require(Role.BUYER), amount.money());
    }

    @GetMapping("/merchant/balance")
    List<LedgerAccount> balance(Actor actor) {
        return escrow.accountsOf(actor.require(Role.SELLER));
    }

    @PostMapping("/merchant/withdrawals")
    @ResponseStatus(HttpStatus.CREATED)
    Withdrawal withdraw(@Valid @RequestBody Amount amount, Actor actor) {
        return escrow.withdraw(actor.require(Role.SELLER), amount.money());
    }

    /** The postings on the caller's own accounts. */
    @GetMapping("/ledger/statement")
    List<Posting> statement(@RequestParam(defaultValue = "50") int limit, Actor actor) {
        if (limit < 1 || limit > 500) {
            throw new InvalidInputException("limit", Text.of("payment.limitMustBetweenGot", limit));
        }
        return escrow.statement(actor, limit);
    }

    @GetMapping("/operator/ledger/trial-balance")
    Map<String, Long> trialBalance(Actor actor) {
        actor.require(Role.OPERATOR);
        return escrow.trialBalance();
    }
}
