package io.mercato.catalog.internal;

import io.mercato.catalog.Brand;
import io.mercato.catalog.Catalog.Page;
import io.mercato.catalog.Catalog;
import io.mercato.catalog.Category;
import io.mercato.catalog.Product;
import io.mercato.catalog.ProductDraft;
import io.mercato.http.CurrentActor;
import io.mercato.platform.Actor;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Catalog", description = "Categories, brands, products and SKUs")
class CatalogController {

    private final Catalog catalog;

    CatalogController(Catalog catalog) {
        this.catalog = catalog;
    }

    record NewCategory(@NotBlank String name, @Nullable Long parentId, @NotNull Integer commissionBasisPoints) {
    }

    record NewBrand(@NotBlank String name) {
    }

    @GetMapping("/categories")
    List<Category> categories() {
        return catalog.categoryTree();
    }

    @PostMapping("/operator/categories")
    @ResponseStatus(HttpStatus.CREATED)
    Category createCategory(@Valid @RequestBody NewCategory request, Actor actor) {
        return catalog.createCategory(actor, request.name(), request.parentId(), request.commissionBasisPoints());
    }

    @GetMapping("/brands")
    List<Brand> brands() {
        return catalog.brands();
    }

    @PostMapping("/brands")
    @ResponseStatus(HttpStatus.CREATED)
    Brand createBrand(@Valid @RequestBody NewBrand request, Actor actor) {
        return catalog.createBrand(actor, request.name());
    }

    @GetMapping("/products")
    Page<Product> browse(@RequestParam(required = false) @Nullable Long categoryId,
            @RequestParam(required = false) @Nullable Long storeId, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        return catalog.browse(categoryId, storeId, page, size);
    }

    @GetMapping("/products/{productId}")
    Product product(@PathVariable long productId) {
        return catalog.product(productId, CurrentActor.find().orElse(null));
    }

    @PostMapping("/stores/{storeId}/products")
    @ResponseStatus(HttpStatus.CREATED)
    Product create(@PathVariable long storeId, @RequestBody ProductDraft draft, Actor actor) {
        return catalog.createProduct(actor, storeId, draft);
    }

    @GetMapping("/seller/stores/{storeId}/products")
    Page<Product> storeProducts(@PathVariable long storeId, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size, Actor actor) {
        return catalog.storeProducts(actor, storeId, page, size);
    }

    @PatchMapping("/products/{productId}")
    Product update(@PathVariable long productId, @RequestBody ProductDraft draft, Actor actor) {
        return catalog.updateProduct(actor, productId, draft);
    }

    @PostMapping("/products/{productId}/listing")
    Product list(@PathVariable long productId, Actor actor) {
        return catalog.list(actor, productId);
    }

    @PostMapping("/products/{productId}/delisting")
    Product delist(@PathVariable long productId, Actor actor) {
        return catalog.delist(actor, productId);
    }
}
