package io.mercato.web.shop;

import io.mercato.http.CurrentActor;
import io.mercato.ordering.Presale;
import io.mercato.ordering.PresaleOrders;
import io.mercato.platform.Actor;
import io.mercato.platform.DomainException;
import io.mercato.platform.InvalidInputException;
import io.mercato.platform.Role;
import io.mercato.platform.Text;
import io.mercato.pricing.Festivals;
import io.mercato.pricing.Festivals.Festival;
import io.mercato.pricing.PriceQuotes.CouponChoice;
import io.mercato.pricing.Presales;
import io.mercato.pricing.Presales.Offer;
import io.mercato.pricing.Vouchers;
import io.mercato.web.common.Said;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The shop's festival pages: the campaign page with its countdowns, enrolled products at their display prices,
 * vouchers to claim and presale offers; the deposit form; and the buyer's presales with "pay the balance".
 */
@Controller
final class FestivalPagesController {

    private static final int TILES = 48;

    private final Festivals festivals;
    private final Presales offers;
    private final PresaleOrders presales;
    private final ObjectProvider<Vouchers> vouchers;
    private final FestivalTile.Builder tiles;
    private final LastAddress lastAddress;
    private final Clock clock;

    FestivalPagesController(Festivals festivals, Presales offers, PresaleOrders presales,
            ObjectProvider<Vouchers> vouchers, FestivalTile.Builder tiles, LastAddress lastAddress, Clock clock) {
        this.festivals = festivals;
        this.offers = offers;
        this.presales = presales;
        this.vouchers = vouchers;
        this.tiles = tiles;
        this.lastAddress = lastAddress;
        this.clock = clock;
    }

    static boolean chinese() {
        return "zh".equals(LocaleContextHolder.getLocale().getLanguage());
    }

    /** Every festival that has not ended, soonest first, each with its phase and next countdown. */
    @GetMapping("/festivals")
    String index(Model model) {
        Instant now = clock.instant();
        boolean zh = chinese();
        List<IndexEntry> entries = festivals.upcoming(now).stream().map(f -> new IndexEntry(f.id(), f.name(zh),
                f.phase(now), f, Countdown.all(f, now).stream().findFirst().orElse(null))).toList();
        model.addAttribute("entries", entries);
        return "shop/festivals";
    }

    record IndexEntry(long id, String name, Festivals.Phase phase, Festival festival, @org.jspecify.annotations.Nullable Countdown countdown) {
    }

    @GetMapping("/festivals/{festivalId}")
    String festival(@PathVariable long festivalId, Model model) {
        Festival festival = festivals.festival(festivalId);
        Instant now = clock.instant();
        Long viewer = CurrentActor.find().filter(a -> a.is(Role.BUYER)).map(Actor::accountId).orElse(null);
        model.addAttribute("festival", festival);
        model.addAttribute("now", now);
        model.addAttribute("name", festival.name(chinese()));
        model.addAttribute("phase", festival.phase(now));
        model.addAttribute("countdowns", Countdown.all(festival, now));
        model.addAttribute("tiles", tiles.tiles(festivalId, viewer, now, TILES));
        Vouchers service = vouchers.getIfAvailable();
        // The festival's pools buyers may claim now, as the voucher module itself decides it.
        java.util.Set<Long> ids = java.util.Set.copyOf(festivals.poolIds(festivalId));
        List<Vouchers.Pool> pools = service == null || ids.isEmpty() ? List.of()
                : service.claimable(null, now).stream().filter(p -> ids.contains(p.poolId())).toList();
        model.addAttribute("pools", pools);
        List<Offer> presaleOffers = offers.offers(festivalId, null);
        model.addAttribute("offers", presaleOffers);
        model.addAttribute("depositOpen", presaleOffers.stream().anyMatch(o -> o.depositOpen(now)));
        return "shop/festival";
    }

    @PostMapping("/festivals/{festivalId}/vouchers/{poolId}")
    String claim(@PathVariable long festivalId, @PathVariable long poolId, RedirectAttributes redirect) {
        Actor buyer = CurrentActor.find().orElse(null);
        if (buyer == null) {
            return "redirect:/login";
        }
        Vouchers service = vouchers.getIfAvailable();
        try {
            if (service == null || !festivals.poolIds(festivalId).contains(poolId)) {
                throw new InvalidInputException("poolId", Text.of("web.voucherPoolNotOneFestival", poolId));
            }
            buyer.require(Role.BUYER);
            service.claim(buyer, poolId);
            redirect.addFlashAttribute("notice", "festivals.voucher.claimed");
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", Said.of(e));
        }
        return "redirect:/festivals/" + festivalId;
    }

    @GetMapping("/presales/new")
    String depositForm(Actor buyer, @RequestParam long offer, Model model) {
        buyer.require(Role.BUYER);
        Offer chosen = offers.offer(offer);
        Festival festival = festivals.festival(chosen.festivalId());
        model.addAttribute("offer", chosen);
        model.addAttribute("festival", festival);
        model.addAttribute("name", festival.name(chinese()));
        model.addAttribute("open", chosen.depositOpen(clock.instant()));
        model.addAttribute("address", lastAddress.of(buyer));
        return "shop/presale-deposit";
    }

    @PostMapping("/presales")
    String deposit(Actor buyer, @RequestParam long offer, AddressForm address, Model model,
            RedirectAttributes redirect) {
        Offer chosen = offers.offer(offer);
        Instant now = clock.instant();
        try {
            buyer.require(Role.BUYER);
            if (!chosen.depositOpen(now)) {
                redirect.addFlashAttribute("notice", now.isBefore(chosen.presaleFrom())
                        ? "festivals.presale.notYet" : "festivals.presale.closed");
                return "redirect:/presales/new?offer=" + offer;
            }
            Presale presale = presales.deposit(buyer, offer, address.toAddress());
            redirect.addFlashAttribute("notice", "festivals.presale.depositPaid");
            return "redirect:/presales/" + presale.id();
        } catch (DomainException e) {
            Festival festival = festivals.festival(chosen.festivalId());
            model.addAttribute("offer", chosen);
            model.addAttribute("festival", festival);
            model.addAttribute("name", festival.name(chinese()));
            model.addAttribute("open", chosen.depositOpen(now));
            model.addAttribute("address", address);
            model.addAttribute("error", Said.of(e));
            if (e instanceof InvalidInputException invalid) {
                model.addAttribute("fieldError", invalid.field());
            }
            return "shop/presale-deposit";
        }
    }

    @GetMapping("/presales")
    String myPresales(Actor buyer, Model model) {
        buyer.require(Role.BUYER);
        List<Presale> mine = presales.presales(buyer, null, 100);
        model.addAttribute("presales", mine);
        model.addAttribute("festivalNames", names(mine));
        return "shop/presales";
    }

    @GetMapping("/presales/{presaleId}")
    String presale(Actor buyer, @PathVariable long presaleId, Model model) {
        Presale presale = presales.presale(buyer, presaleId);
        Instant now = clock.instant();
        Festival festival = festivals.festival(presale.festivalId());
        model.addAttribute("presale", presale);
        model.addAttribute("name", festival.name(chinese()));
        model.addAttribute("finalOpen", presale.finalOpen(now));
        model.addAttribute("notYet", presale.status() == Presale.Status.DEPOSIT_PAID && now.isBefore(presale.finalFrom()));
        if (presale.status() == Presale.Status.DEPOSIT_PAID) {
            model.addAttribute("countdown", now.isBefore(presale.finalFrom())
                    ? Countdown.at("festivals.countdown.final", presale.finalFrom(), now)
                    : Countdown.at("festivals.countdown.finalEnds", presale.finalUntil(), now));
            model.addAttribute("quote", presales.finalQuote(buyer, presaleId, CouponChoice.BEST));
        }
        return "shop/presale";
    }

    @PostMapping("/presales/{presaleId}/final")
    String payFinal(Actor buyer, @PathVariable long presaleId, RedirectAttributes redirect) {
        Presale presale = presales.presale(buyer, presaleId);
        Instant now = clock.instant();
        if (presale.status() == Presale.Status.DEPOSIT_PAID && !presale.finalOpen(now)) {
            redirect.addFlashAttribute("notice", now.isBefore(presale.finalFrom())
                    ? "festivals.presale.finalNotYet" : "festivals.presale.finalClosed");
            return "redirect:/presales/" + presaleId;
        }
        try {
            Presale paid = presales.payFinal(buyer, presaleId, CouponChoice.BEST);
            redirect.addFlashAttribute("notice", "festivals.presale.finalPaid");
            return "redirect:/orders/" + paid.orderId();
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", Said.of(e));
            return "redirect:/presales/" + presaleId;
        }
    }

    private Map<Long, String> names(List<Presale> list) {
        boolean zh = chinese();
        return list.stream().map(Presale::festivalId).distinct().map(festivals::festival)
                .collect(Collectors.toMap(Festival::id, f -> f.name(zh), (a, b) -> a));
    }
}
