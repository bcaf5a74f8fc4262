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

/** Bulk price and stock updates from a CSV file, answered with a line-by-line report. */
@Controller
final class BulkUploadController {

    private final BulkUpdate bulk;

    BulkUploadController(BulkUpdate bulk) {
        this.bulk = bulk;
    }

    @GetMapping("/seller/bulk")
    String bulkForm(Actor seller, Model model) {
        return "seller/bulk";
    }

    @PostMapping("/seller/bulk")
    String bulkUpload(Actor seller, @RequestParam("file") MultipartFile file, Model model) throws IOException {
        model.addAttribute("report", bulk.apply(seller, new String(file.getBytes(), StandardCharsets.UTF_8)));
        model.addAttribute("fileName", file.getOriginalFilename());
        return "seller/bulk";
    }
}
