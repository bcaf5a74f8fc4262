package io.mercato.web.seller;

import io.mercato.catalog.Catalog;
import io.mercato.catalog.Product;
import io.mercato.catalog.Sku;
import io.mercato.inventory.Stock;
import io.mercato.inventory.StockLedger;
import io.mercato.merchant.Store;
import io.mercato.merchant.Stores;
import io.mercato.platform.Actor;
import io.mercato.platform.DomainException;
import io.mercato.web.common.Formats;
import io.mercato.web.common.Said;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The seller's products: the list per store with stock, the editor (SKUs, prices, stock, images), listing and delisting. */
@Controller
final class ProductEditorController {

    private static final int PAGE_SIZE = 50;

    private final Catalog catalog;
    private final Stores stores;
    private final StockLedger stock;
    private final CurrentStore currentStore;
    private final ProductEditor editor;
    private final Formats formats;

    ProductEditorController(Catalog catalog, Stores stores, StockLedger stock, CurrentStore currentStore,
            ProductEditor editor, Formats formats) {
        this.catalog = catalog;
        this.stores = stores;
        this.stock = stock;
        this.currentStore = currentStore;
        this.editor = editor;
        this.formats = formats;
    }

    @GetMapping("/seller/products")
    String products(Actor seller, @RequestParam(required = false) @Nullable Long store,
            @RequestParam(defaultValue = "0") int page, Model model) {
        if (stores.ownedBy(seller.accountId()).isEmpty()) {
            return "redirect:/seller/stores/new";
        }
        Store current = currentStore.of(seller, store);
        Catalog.Page<Product> products = catalog.storeProducts(seller, current.id(), Math.max(0, page), PAGE_SIZE);
        model.addAttribute("stores", stores.ownedBy(seller.accountId()));
        model.addAttribute("store", current);
        model.addAttribute("products", products.items());
        model.addAttribute("page", products.page());
        model.addAttribute("pages", Math.max(1, (products.total() + PAGE_SIZE - 1) / PAGE_SIZE));
        model.addAttribute("levels", stock.stock(products.items().stream()
                .flatMap(p -> p.skus().stream()).map(Sku::id).toList()));
        return "seller/products";
    }

    @GetMapping("/seller/products/new")
    String newProduct(Actor seller, @RequestParam(required = false) @Nullable Long store, Model model) {
        model.addAttribute("store", currentStore.of(seller, store));
        model.addAttribute("form", ProductForm.empty());
        model.addAttribute("categories", CategoryOption.flatten(catalog.categoryTree()));
        return "seller/product";
    }

    @GetMapping("/seller/products/{productId}")
    String editProduct(Actor seller, @PathVariable long productId, Model model) {
        Product product = catalog.product(productId, seller);
        Store store = stores.requireManagedBy(seller, product.storeId());
        if (!model.containsAttribute("form")) {
            Map<Long, Stock> levels = stock.stock(product.skus().stream().map(Sku::id).toList());
            model.addAttribute("form", ProductForm.of(product, levels, formats));
        }
        model.addAttribute("product", product);
        model.addAttribute("store", store);
        model.addAttribute("categories", CategoryOption.flatten(catalog.categoryTree()));
        return "seller/product";
    }

    @PostMapping({"/seller/products", "/seller/products/{productId}"})
    String saveProduct(Actor seller, @PathVariable(required = false) @Nullable Long productId,
            @RequestParam(required = false) @Nullable Long store, ProductForm form, Model model,
            RedirectAttributes redirect) {
        try {
            Product saved = productId == null
                    ? editor.create(seller, currentStore.of(seller, store), form)
                    : editor.update(seller, productId, form);
            redirect.addFlashAttribute("notice", "product.saved");
            return "redirect:/seller/products/" + saved.id();
        } catch (DomainException e) {
            model.addAttribute("error", Said.of(e));
            model.addAttribute("form", form);
            if (productId == null) {
                model.addAttribute("store", currentStore.of(seller, store));
                model.addAttribute("categories", CategoryOption.flatten(catalog.categoryTree()));
                return "seller/product";
            }
            return editProduct(seller, productId, model);
        }
    }

    @PostMapping("/seller/products/{productId}/{action:listing|delisting}")
    String listing(Actor seller, @PathVariable long productId, @PathVariable String action,
            RedirectAttributes redirect) {
        try {
            if (action.equals("listing")) {
                catalog.list(seller, productId);
            } else {
                catalog.delist(seller, productId);
            }
            redirect.addFlashAttribute("notice", "product." + action);
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", Said.of(e));
        }
        return "redirect:/seller/products/" + productId;
    }
}
