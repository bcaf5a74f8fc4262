package io.mercato.web.common;

import io.mercato.identity.Account;
import io.mercato.identity.Accounts;
import io.mercato.merchant.Store;
import io.mercato.merchant.Stores;
import io.mercato.platform.NotFoundException;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Names where pages would otherwise show internal ids: a ledger account ({@code ESCROW:2} becomes "Escrow · Li Lei"),
 * an actor of the order history ({@code buyer:8} becomes the buyer's name), a store or an account by id. Pages call it
 * as {@code @names}.
 */
@Component("names")
public final class Names {

    private final Accounts accounts;
    private final Stores stores;
    private final MessageSource messages;
    /** The operators seeded from configuration, as {@code email} → the display name they were seeded with. */
    private final java.util.Map<String, String> seededOperators;

    /** One operator of {@code mercato.identity.operators}, as identity seeds it. */
    record SeededOperator(String email, @org.jspecify.annotations.Nullable String displayName) {
    }

    Names(Accounts accounts, Stores stores, MessageSource messages, org.springframework.core.env.Environment environment) {
        this.accounts = accounts;
        this.stores = stores;
        this.messages = messages;
        this.seededOperators = new java.util.HashMap<>();
        org.springframework.boot.context.properties.bind.Binder.get(environment)
                .bind("mercato.identity.operators",
                        org.springframework.boot.context.properties.bind.Bindable.listOf(SeededOperator.class))
                .orElse(java.util.List.of())
                .forEach(operator -> seededOperators.put(operator.email().toLowerCase(Locale.ROOT),
                        operator.displayName() == null ? "" : operator.displayName()));
    }

    /** The account holder's display name, or "Account 8" when there is none. */
    public String account(long accountId) {
        return accounts.find(accountId).map(this::of)
                .orElseGet(() -> text("names.account", String.valueOf(accountId)));
    }

    /**
     * The name a page shows for an account: its display name, except for an operator seeded from configuration that
     * still carries the configured name, which is shown in the reader's language ("Platform operator", "平台运营").
     */
    public String of(Account account) {
        String seededAs = account.role() == io.mercato.platform.Role.OPERATOR
                ? seededOperators.get(account.email().toLowerCase(Locale.ROOT)) : null;
        if (seededAs != null && seededAs.equals(account.displayName())) {
            return text("names.seededOperator", null);
        }
        return account.displayName();
    }

    public String store(long storeId) {
        try {
            return stores.get(storeId).name();
        } catch (NotFoundException e) {
            return text("names.store", String.valueOf(storeId));
        }
    }

    /** A ledger account by kind and owner: the kind in words, and whose it is when it belongs to someone. */
    public String ledgerAccount(Object kind, long ownerId) {
        String label = text("names.ledger." + kind, null);
        return switch (String.valueOf(kind)) {
            case "WALLET", "MERCHANT", "AD_ACCOUNT", "MERCHANT_DEBT", "RIDER" -> label + " · " + account(ownerId);
            case "ESCROW" -> ownerId == 0 ? label + " · " + text("names.platform", null) : label + " · " + account(ownerId);
            default -> label;
        };
    }

    /** An actor as the order history records it ({@code buyer:8}, {@code seller:7}, {@code operator:1}, {@code system}). */
    public String actor(String actor) {
        int colon = actor.indexOf(':');
        if (colon < 0) {
            return text("names.actor." + actor.toLowerCase(Locale.ROOT), actor);
        }
        String role = actor.substring(0, colon);
        Optional<Long> id = parse(actor.substring(colon + 1));
        String who = id.map(this::account).orElse(actor);
        return text("names.role." + role.toLowerCase(Locale.ROOT), role) + " · " + who;
    }

    /** The owner of a store, for pages listing stores. */
    public String owner(Store store) {
        return account(store.ownerAccountId());
    }

    private static Optional<Long> parse(String digits) {
        return digits.matches("[0-9]{1,18}") ? Optional.of(Long.parseLong(digits)) : Optional.empty();
    }

    private String text(String key, @org.jspecify.annotations.Nullable String fallbackOrArg) {
        Locale locale = LocaleContextHolder.getLocale();
        if (key.startsWith("names.account") || key.startsWith("names.store")) {
            return messages.getMessage(key, new Object[] {fallbackOrArg}, locale);
        }
        return messages.getMessage(key, null, fallbackOrArg == null ? key : fallbackOrArg, locale);
    }
}
