package io.mercato.web.seller;

import io.mercato.platform.Actor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** Batch shipping: a CSV of order ids, carriers and tracking numbers, all applied or none, with a report. */
@Controller
final class BatchShippingController {

    private final BatchShipping shipping;

    BatchShippingController(BatchShipping shipping) {
        this.shipping = shipping;
    }

    @GetMapping("/seller/orders/batch-shipping")
    String form(Actor seller, Model model) {
        model.addAttribute("header", BatchShipping.HEADER);
        return "seller/batch-shipping";
    }

    @PostMapping("/seller/orders/batch-shipping")
    String upload(Actor seller, @RequestParam("file") MultipartFile file, Model model) throws IOException {
        model.addAttribute("header", BatchShipping.HEADER);
        model.addAttribute("report", shipping.ship(seller, new String(file.getBytes(), StandardCharsets.UTF_8)));
        return "seller/batch-shipping";
    }
}
