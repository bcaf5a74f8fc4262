package io.mercato.web.shop;

import io.mercato.http.CurrentActor;
import io.mercato.platform.Role;
import io.mercato.pricing.MemberStatus;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Whether the page's reader is an 88VIP member, for the badge in the shop's header (one indexed look-up per page). */
@ControllerAdvice(basePackages = "io.mercato.web")
final class VipBadge {

    private final ObjectProvider<MemberStatus> members;
    private final Clock clock;

    VipBadge(ObjectProvider<MemberStatus> members, Clock clock) {
        this.members = members;
        this.clock = clock;
    }

    @ModelAttribute
    void badge(Model model) {
        MemberStatus status = members.getIfAvailable();
        boolean member = status != null && CurrentActor.find().filter(actor -> actor.is(Role.BUYER))
                .map(actor -> status.isMember(actor.accountId(), clock.instant())).orElse(false);
        model.addAttribute("vipMember", member);
    }
}
