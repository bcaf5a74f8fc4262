package io.mercato.favourites.internal;

import io.mercato.favourites.Favourite;
import io.mercato.favourites.Favourites;
import io.mercato.platform.Actor;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/favourites")
@Tag(name = "Favourites", description = "A buyer's favourite products and stores")
class FavouritesController {

    private final Favourites favourites;

    FavouritesController(Favourites favourites) {
        this.favourites = favourites;
    }

    record Kept(List<Favourite> products, List<Favourite> stores) {
    }

    @GetMapping
    Kept list(Actor buyer) {
        return new Kept(favourites.products(buyer), favourites.stores(buyer));
    }

    @PutMapping("/products/{productId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void addProduct(@PathVariable long productId, Actor buyer) {
        favourites.addProduct(buyer, productId);
    }

    @DeleteMapping("/products/{productId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removeProduct(@PathVariable long productId, Actor buyer) {
        favourites.removeProduct(buyer, productId);
    }

    @PutMapping("/stores/{storeId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void addStore(@PathVariable long storeId, Actor buyer) {
        favourites.addStore(buyer, storeId);
    }

    @DeleteMapping("/stores/{storeId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removeStore(@PathVariable long storeId, Actor buyer) {
        favourites.removeStore(buyer, storeId);
    }
}
