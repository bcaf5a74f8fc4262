package io.mercato.addressbook.internal;

import io.mercato.addressbook.AddressBook;
import io.mercato.addressbook.AddressDraft;
import io.mercato.addressbook.Region;
import io.mercato.addressbook.Regions;
import io.mercato.addressbook.SavedAddress;
import io.mercato.platform.Actor;
import io.mercato.platform.NotFoundException;
import io.mercato.platform.Text;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Address book", description = "Buyers' saved addresses; China's provinces, cities and districts")
class AddressBookController {

    private final AddressBook book;
    private final Regions regions;

    AddressBookController(AddressBook book, Regions regions) {
        this.book = book;
        this.regions = regions;
    }

    @GetMapping("/regions")
    List<Region> provinces() {
        return regions.provinces();
    }

    @GetMapping("/regions/{code}/children")
    List<Region> children(@PathVariable String code) {
        return regions.find(code).map(region -> regions.children(code))
                .orElseThrow(() -> new NotFoundException(Text.of("addressbook.region.notFound", code)));
    }

    @GetMapping("/addresses")
    List<SavedAddress> list(Actor buyer) {
        return book.list(buyer);
    }

    @PostMapping("/addresses")
    @ResponseStatus(HttpStatus.CREATED)
    SavedAddress add(@RequestBody AddressDraft draft, Actor buyer) {
        return book.add(buyer, draft);
    }

    @GetMapping("/addresses/{id}")
    SavedAddress get(@PathVariable long id, Actor buyer) {
        return book.get(buyer, id);
    }

    @PutMapping("/addresses/{id}")
    SavedAddress update(@PathVariable long id, @RequestBody AddressDraft draft, Actor buyer) {
        return book.update(buyer, id, draft);
    }

    @DeleteMapping("/addresses/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id, Actor buyer) {
        book.delete(buyer, id);
    }

    @PostMapping("/addresses/{id}/default")
    SavedAddress makeDefault(@PathVariable long id, Actor buyer) {
        return book.makeDefault(buyer, id);
    }
}
