package io.mercato.web.ops;

import io.mercato.identity.Accounts;
import io.mercato.merchant.Store;
import io.mercato.merchant.StoreStatus;
import io.mercato.merchant.Stores;
import io.mercato.platform.Actor;
import io.mercato.platform.DomainException;
import io.mercato.platform.Text;
import io.mercato.web.common.Said;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The queue of Tmall stores waiting for verification, with their owners, to approve or reject with a reason. */
@Controller
final class VerificationController {

    private final Stores stores;
    private final Accounts accounts;

    VerificationController(Stores stores, Accounts accounts) {
        this.stores = stores;
        this.accounts = accounts;
    }

    @GetMapping("/ops/verification")
    String queue(Actor operator, Model model) {
        List<Store> pending = stores.withStatus(StoreStatus.PENDING_VERIFICATION);
        model.addAttribute("pending", pending);
        model.addAttribute("owners", owners(pending));
        return "ops/verification";
    }

    @PostMapping("/ops/verification/{storeId}")
    String decide(Actor operator, @PathVariable long storeId, @RequestParam boolean approved,
            @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        try {
            stores.decideVerification(operator, storeId, approved, reason);
            redirect.addFlashAttribute("notice", approved ? "ops.approved" : "ops.rejected");
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", Said.of(Text.of("web.storeRefused", storeId, e.text())));
        }
        return "redirect:/ops/verification";
    }

    /** Each owner as "name <email>", by account id. */
    private Map<Long, String> owners(List<Store> list) {
        Map<Long, String> owners = new TreeMap<>();
        list.forEach(s -> accounts.find(s.ownerAccountId())
                .ifPresent(a -> owners.put(s.ownerAccountId(), a.displayName() + " <" + a.email() + ">")));
        return owners;
    }
}
