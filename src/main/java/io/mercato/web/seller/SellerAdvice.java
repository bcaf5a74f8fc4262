package io.mercato.web.seller;

import io.mercato.http.CurrentActor;
import io.mercato.platform.Role;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The low-stock badge every seller-centre page shows in its header: how many SKUs are at or below their threshold. */
@ControllerAdvice(basePackages = "io.mercato.web.seller")
final class SellerAdvice {

    private final StockAlerts alerts;

    SellerAdvice(StockAlerts alerts) {
        this.alerts = alerts;
    }

    @ModelAttribute
    void lowStock(Model model) {
        CurrentActor.find().filter(actor -> actor.role() == Role.SELLER)
                .ifPresent(seller -> model.addAttribute("lowStock", alerts.alerts(seller).size()));
    }
}
