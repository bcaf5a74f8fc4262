package io.mercato.web.shop;

import io.mercato.addressbook.AddressBook;
import io.mercato.addressbook.AddressDraft;
import io.mercato.addressbook.Region;
import io.mercato.addressbook.Regions;
import io.mercato.http.Wording;
import io.mercato.platform.Actor;
import io.mercato.platform.DomainException;
import io.mercato.platform.InvalidInputException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The buyer's address book: the saved addresses (delete, make default) and a form whose province, city and district
 * lists follow each other (htmx swaps the options from the shipped region list).
 */
@Controller
final class AddressBookPageController {

    private final AddressBook book;
    private final Regions regions;
    private final Wording wording;

    AddressBookPageController(AddressBook book, Regions regions, Wording wording) {
        this.book = book;
        this.regions = regions;
        this.wording = wording;
    }

    @GetMapping("/addresses")
    String addresses(Actor buyer, Model model) {
        model.addAttribute("addresses", book.list(buyer));
        model.addAttribute("provinces", regions.provinces());
        if (!model.containsAttribute("draft")) {
            model.addAttribute("draft", new AddressDraft(null, null, "CN", null, null, null, null, null, null, null,
                    null, false));
        }
        model.addAttribute("cities", List.<Region>of());
        model.addAttribute("districts", List.<Region>of());
        return "shop/addresses";
    }

    /** The options below a chosen province (its cities) or city (its districts). */
    @GetMapping("/addresses/regions")
    String options(@RequestParam(required = false) @Nullable String provinceCode,
            @RequestParam(required = false) @Nullable String cityCode, Model model) {
        String parent = cityCode != null && !cityCode.isBlank() ? cityCode : provinceCode;
        model.addAttribute("options", parent == null || parent.isBlank() ? List.of() : regions.children(parent));
        return "shop/addresses :: options";
    }

    @PostMapping("/addresses")
    String add(Actor buyer, AddressDraft draft, Model model, RedirectAttributes redirect) {
        try {
            book.add(buyer, draft);
            redirect.addFlashAttribute("notice", "addressbook.saved");
            return "redirect:/addresses";
        } catch (DomainException e) {
            model.addAttribute("error", wording.of(e));
            model.addAttribute("fieldError", e instanceof InvalidInputException invalid ? invalid.field() : null);
            model.addAttribute("draft", draft);
            String page = addresses(buyer, model);
            if (draft.provinceCode() != null && !draft.provinceCode().isBlank()) {
                model.addAttribute("cities", regions.children(draft.provinceCode()));
            }
            if (draft.cityCode() != null && !draft.cityCode().isBlank()) {
                model.addAttribute("districts", regions.children(draft.cityCode()));
            }
            return page;
        }
    }

    @PostMapping("/addresses/{id}/{action:default|delete}")
    String change(Actor buyer, @PathVariable long id, @PathVariable String action, RedirectAttributes redirect) {
        try {
            if (action.equals("default")) {
                book.makeDefault(buyer, id);
            } else {
                book.delete(buyer, id);
            }
            redirect.addFlashAttribute("notice", "addressbook." + action + ".done");
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", wording.of(e));
        }
        return "redirect:/addresses";
    }
}
