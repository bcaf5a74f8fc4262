package io.mercato.web.shop;

import io.mercato.membership.EngagementPoints;
import io.mercato.membership.Term;
import io.mercato.membership.VipMembership;
import io.mercato.membership.VipStatus;
import io.mercato.payment.MembershipFees;
import io.mercato.platform.Actor;
import io.mercato.platform.DomainException;
import io.mercato.platform.Money;
import io.mercato.web.common.Formats;
import java.time.Clock;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The buyer's membership page: points and their history, the day's check-in, 88VIP (price, join, renew, auto-renew,
 * cancel within the cooling-off period), the benefits, partner entitlements and members' coupons. Refusals are told in
 * the reader's language: the page checks the rule it can see first (the wallet, the term's cooling-off end), and any
 * other refusal gets the action's own message.
 */
@Controller
final class MembershipPageController {

    private final EngagementPoints points;
    private final VipMembership vip;
    private final MembershipFees fees;
    private final MessageSource messages;
    private final Formats fmt;
    private final Clock clock;

    MembershipPageController(EngagementPoints points, VipMembership vip, MembershipFees fees, MessageSource messages,
            Formats fmt, Clock clock) {
        this.clock = clock;
        this.points = points;
        this.vip = vip;
        this.fees = fees;
        this.messages = messages;
        this.fmt = fmt;
    }

    @GetMapping("/membership")
    String page(Actor buyer, Model model) {
        VipStatus status = vip.status(buyer);
        model.addAttribute("vip", status);
        model.addAttribute("points", status.points());
        model.addAttribute("history", points.history(buyer, 30));
        model.addAttribute("checkedIn", points.checkedInToday(buyer));
        model.addAttribute("wallet", fees.wallet(buyer.accountId(), status.price().currency()));
        return "shop/membership";
    }

    @PostMapping("/membership/check-in")
    String checkIn(Actor buyer, RedirectAttributes redirect) {
        if (points.checkedInToday(buyer)) {
            return error(redirect, "points.error.checkedIn");
        }
        return attempt(redirect, "points.checkedIn", "points.error.checkedIn", () -> points.checkIn(buyer));
    }

    @PostMapping("/membership/join")
    String join(Actor buyer, RedirectAttributes redirect) {
        Optional<String> short_ = shortfall(buyer);
        if (short_.isPresent()) {
            redirect.addFlashAttribute("error", short_.get());
            return "redirect:/membership";
        }
        return attempt(redirect, "vip.joined", "vip.error.join", () -> vip.join(buyer));
    }

    @PostMapping("/membership/renew")
    String renew(Actor buyer, RedirectAttributes redirect) {
        VipStatus status = vip.status(buyer);
        if (!status.member()) {
            return error(redirect, "vip.error.notMember");
        }
        if (!status.canRenew()) {
            return error(redirect, "vip.error.renewedAlready");
        }
        Optional<String> short_ = shortfall(buyer);
        if (short_.isPresent()) {
            redirect.addFlashAttribute("error", short_.get());
            return "redirect:/membership";
        }
        return attempt(redirect, "vip.renewed", "vip.error.renew", () -> vip.renew(buyer));
    }

    @PostMapping("/membership/auto-renew")
    String autoRenew(Actor buyer, @RequestParam(defaultValue = "false") boolean on, RedirectAttributes redirect) {
        return attempt(redirect, on ? "vip.autoRenew.on" : "vip.autoRenew.off", "vip.error.refused",
                () -> vip.autoRenew(buyer, on));
    }

    @PostMapping("/membership/terms/{termId}/cancel")
    String cancel(Actor buyer, @PathVariable long termId, RedirectAttributes redirect) {
        Optional<Term> term = vip.status(buyer).terms().stream().filter(t -> t.id() == termId).findFirst();
        if (term.isPresent() && !term.get().cancelled()
                && !term.get().coolingOffUntil().isAfter(clock.instant())) {
            return error(redirect, "vip.error.coolingOff", fmt.dateTime(term.get().coolingOffUntil()));
        }
        return attempt(redirect, "vip.cancelled", "vip.error.cancel", () -> vip.cancel(buyer, termId));
    }

    /** The page's own wording of a shortfall: the price, what the wallet holds and what is missing. */
    private Optional<String> shortfall(Actor buyer) {
        VipStatus status = vip.status(buyer);
        Money price = status.price();
        Money wallet = fees.wallet(buyer.accountId(), price.currency());
        if (wallet.minor() >= price.minor()) {
            return Optional.empty();
        }
        return Optional.of(text("vip.error.shortfall", money(price), money(wallet), money(price.minus(wallet))));
    }

    private String money(Money money) {
        return fmt.money(money.minor(), money.currencyCode());
    }

    private String attempt(RedirectAttributes redirect, String done, String refused, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("notice", done);
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", text(refused));
        }
        return "redirect:/membership";
    }

    private String error(RedirectAttributes redirect, String key, Object... arguments) {
        redirect.addFlashAttribute("error", text(key, arguments));
        return "redirect:/membership";
    }

    private String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
    }
}
