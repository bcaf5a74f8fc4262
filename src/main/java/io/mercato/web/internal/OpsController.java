package io.mercato.web.internal;

import io.mercato.identity.Account;
import io.mercato.identity.Accounts;
import io.mercato.merchant.Store;
import io.mercato.merchant.StoreStatus;
import io.mercato.merchant.Stores;
import io.mercato.ordering.OrderView;
import io.mercato.ordering.OrderLifecycle;
import io.mercato.ordering.OrderStatistics;
import io.mercato.payment.AccountKind;
import io.mercato.payment.DailyAmount;
import io.mercato.payment.Escrow;
import io.mercato.platform.Actor;
import io.mercato.platform.DomainException;
import io.mercato.platform.NotFoundException;
import io.mercato.platform.Role;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The operations console: the platform overview, the verification queue and search across orders and people. */
@Controller
class OpsController {

    private static final String CURRENCY = "CNY";

    private final Accounts accounts;
    private final Stores stores;
    private final OrderLifecycle lifecycle;
    private final OrderStatistics statistics;
    private final Escrow escrow;
    private final Formats formats;
    private final Clock clock;

    OpsController(Accounts accounts, Stores stores, OrderLifecycle lifecycle, OrderStatistics statistics,
            Escrow escrow, Formats formats, Clock clock) {
        this.accounts = accounts;
        this.stores = stores;
        this.lifecycle = lifecycle;
        this.statistics = statistics;
        this.escrow = escrow;
        this.formats = formats;
        this.clock = clock;
    }

    @GetMapping("/ops")
    String overview(Actor operator, Model model) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), formats.zone());
        LocalDate from = today.minusDays(29);
        Series sales = Series.daily(from, today, statistics.dailySales(null, null, from, today, formats.zone()), CURRENCY);
        Map<LocalDate, Long> fees = new TreeMap<>();
        for (DailyAmount amount : escrow.bookedPerDay(AccountKind.FEE_REVENUE, from, today, formats.zone())) {
            if (amount.amount().currencyCode().equals(CURRENCY)) {
                fees.put(amount.day(), amount.amount().minor());
            }
        }
        List<Long> feeSeries = Series.counts(from, today, fees);
        long gmv = sales.totalGmv();
        long cmr = fees.values().stream().mapToLong(Long::longValue).sum();
        Map<LocalDate, Long> buyers = accounts.registrationsPerDay(Role.BUYER, from, today, formats.zone());
        Map<LocalDate, Long> merchants = stores.openedPerDay(from, today, formats.zone());
        model.addAttribute("days", sales.labels());
        model.addAttribute("gmvSeries", sales.gmvMajor());
        model.addAttribute("ordersSeries", sales.orders());
        model.addAttribute("feeSeries", feeSeries.stream().map(sales::major).toList());
        List<BigDecimal> takeRates = new ArrayList<>();
        for (int i = 0; i < sales.days().size(); i++) {
            long dayGmv = sales.gmvOn(sales.days().get(i));
            takeRates.add(dayGmv == 0 ? BigDecimal.ZERO
                    : BigDecimal.valueOf(feeSeries.get(i) * 10_000 / dayGmv, 2));
        }
        model.addAttribute("takeRateSeries", takeRates);
        model.addAttribute("buyersSeries", Series.counts(from, today, buyers));
        model.addAttribute("merchantsSeries", Series.counts(from, today, merchants));
        model.addAttribute("currency", CURRENCY);
        model.addAttribute("gmv", gmv);
        model.addAttribute("gmvNet", gmv - sales.totalRefunded());
        model.addAttribute("paidOrders", sales.totalOrders());
        model.addAttribute("cmr", cmr);
        model.addAttribute("takeRate", gmv == 0 ? 0.0 : (double) cmr / gmv);
        model.addAttribute("aov", sales.totalOrders() == 0 ? 0 : gmv / sales.totalOrders());
        model.addAttribute("newBuyers", buyers.values().stream().mapToLong(Long::longValue).sum());
        model.addAttribute("newMerchants", merchants.values().stream().mapToLong(Long::longValue).sum());
        model.addAttribute("todayGmv", sales.gmvOn(today));
        model.addAttribute("pendingStores", stores.withStatus(StoreStatus.PENDING_VERIFICATION).size());
        model.addAttribute("from", from);
        model.addAttribute("today", today);
        return "ops/overview";
    }

    @GetMapping("/ops/verification")
    String queue(Actor operator, Model model) {
        model.addAttribute("pending", stores.withStatus(StoreStatus.PENDING_VERIFICATION));
        model.addAttribute("owners", owners(stores.withStatus(StoreStatus.PENDING_VERIFICATION)));
        return "ops/verification";
    }

    @PostMapping("/ops/verification/{storeId}")
    String decide(Actor operator, @PathVariable long storeId, @RequestParam boolean approved,
            @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        try {
            stores.decideVerification(operator, storeId, approved, reason);
            redirect.addFlashAttribute("notice", approved ? "ops.approved" : "ops.rejected");
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", "Store " + storeId + ": " + e.getMessage());
        }
        return "redirect:/ops/verification";
    }

    private Map<Long, String> owners(List<Store> list) {
        Map<Long, String> owners = new TreeMap<>();
        list.forEach(s -> accounts.find(s.ownerAccountId())
                .ifPresent(a -> owners.put(s.ownerAccountId(), a.displayName() + " <" + a.email() + ">")));
        return owners;
    }

    @GetMapping("/ops/search")
    String search(Actor operator, @RequestParam(defaultValue = "") String q, Model model) {
        String query = q.strip();
        model.addAttribute("q", query);
        List<OrderView> orders = new ArrayList<>();
        List<Store> storeHits = new ArrayList<>();
        List<Account> accountHits = new ArrayList<>();
        if (!query.isEmpty()) {
            String digits = query.startsWith("#") ? query.substring(1) : query;
            if (digits.matches("[0-9]{1,18}")) {
                long id = Long.parseLong(digits);
                find(() -> lifecycle.order(operator, id)).ifPresent(orders::add);
                find(() -> stores.get(id)).ifPresent(storeHits::add);
                accounts.find(id).ifPresent(accountHits::add);
            }
            if (query.contains("@")) {
                accounts.findByEmail(query).ifPresent(account -> {
                    accountHits.add(account);
                    storeHits.addAll(stores.ownedBy(account.id()));
                });
            }
            if (query.length() >= 2) {
                stores.search(query, 20).stream().filter(s -> storeHits.stream().noneMatch(h -> h.id() == s.id()))
                        .forEach(storeHits::add);
            }
        }
        model.addAttribute("orders", orders);
        model.addAttribute("stores", storeHits);
        model.addAttribute("accounts", accountHits);
        return "ops/search";
    }

    private static <T> Optional<T> find(java.util.function.Supplier<T> lookup) {
        try {
            return Optional.of(lookup.get());
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    @GetMapping("/ops/orders/{orderId}")
    String order(Actor operator, @PathVariable long orderId, Model model) {
        OrderView order = lifecycle.order(operator, orderId);
        model.addAttribute("order", order);
        model.addAttribute("store", stores.get(order.storeId()));
        model.addAttribute("buyer", accounts.find(order.buyerAccountId()).orElse(null));
        model.addAttribute("postings", escrow.postingsOf(orderId));
        model.addAttribute("steps", Timeline.of(order));
        return "ops/order";
    }

    @GetMapping("/ops/stores/{storeId}")
    String store(Actor operator, @PathVariable long storeId, Model model) {
        Store store = stores.get(storeId);
        model.addAttribute("store", store);
        model.addAttribute("owner", accounts.find(store.ownerAccountId()).orElse(null));
        model.addAttribute("orders", lifecycle.orders(operator, null, storeId, null, 0, 50));
        return "ops/store";
    }

    @GetMapping("/ops/accounts/{accountId}")
    String account(Actor operator, @PathVariable long accountId, Model model) {
        Account account = accounts.find(accountId)
                .orElseThrow(() -> new NotFoundException("There is no account " + accountId));
        model.addAttribute("account", account);
        model.addAttribute("stores", account.role() == Role.SELLER ? stores.ownedBy(accountId) : List.of());
        model.addAttribute("orders", account.role() == Role.BUYER
                ? lifecycle.orders(operator, null, null, accountId, 0, 50) : List.<OrderView>of());
        // An operator reads the account's own ledger statement, as its owner would see it.
        model.addAttribute("postings", account.role() == Role.OPERATOR ? List.of()
                : escrow.statement(new Actor(accountId, account.role()), 50));
        return "ops/account";
    }
}
