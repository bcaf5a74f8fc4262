package io.mercato.web.seller;

import io.mercato.catalog.Catalog;
import io.mercato.catalog.Product;
import io.mercato.catalog.ProductStatus;
import io.mercato.catalog.Sku;
import io.mercato.inventory.Stock;
import io.mercato.inventory.StockLedger;
import io.mercato.merchant.Store;
import io.mercato.merchant.Stores;
import io.mercato.platform.Actor;
import io.mercato.platform.DomainException;
import io.mercato.http.Wording;
import io.mercato.media.ImageSize;
import io.mercato.media.Images;
import io.mercato.platform.InvalidInputException;
import io.mercato.platform.Text;
import io.mercato.web.common.Formats;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import io.mercato.web.common.Said;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
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
    private final Images images;
    private final Wording wording;
    private final StockAlerts alerts;

    ProductEditorController(Catalog catalog, Stores stores, StockLedger stock, CurrentStore currentStore,
            ProductEditor editor, Formats formats, Images images, Wording wording, StockAlerts alerts) {
        this.images = images;
        this.wording = wording;
        this.alerts = alerts;
        this.catalog = catalog;
        this.stores = stores;
        this.stock = stock;
        this.currentStore = currentStore;
        this.editor = editor;
        this.formats = formats;
    }

    @GetMapping("/seller/products")
    String products(Actor seller, @RequestParam(required = false) @Nullable Long store,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable ProductStatus status,
            @RequestParam(defaultValue = "0") int page, Model model) {
        if (stores.ownedBy(seller.accountId()).isEmpty()) {
            return "redirect:/seller/stores/new";
        }
        Store current = currentStore.of(seller, store);
        String text = q == null ? "" : q.strip();
        Catalog.Page<Product> products = catalog.storeProducts(seller, current.id(), text, status,
                Math.min(Math.max(0, page), 100_000), PAGE_SIZE);
        List<Long> skuIds = products.items().stream().flatMap(p -> p.skus().stream()).map(Sku::id).toList();
        model.addAttribute("stores", stores.ownedBy(seller.accountId()));
        model.addAttribute("store", current);
        model.addAttribute("q", text);
        model.addAttribute("status", status);
        model.addAttribute("statuses", ProductStatus.values());
        model.addAttribute("products", products.items());
        model.addAttribute("total", products.total());
        model.addAttribute("page", products.page());
        model.addAttribute("pages", Math.max(1, (products.total() + PAGE_SIZE - 1) / PAGE_SIZE));
        model.addAttribute("levels", stock.stock(skuIds));
        model.addAttribute("thresholds", alerts.thresholds(skuIds));
        model.addAttribute("alertCount", alerts.alerts(seller).size());
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
            @RequestParam(required = false) @Nullable Long store, ProductForm form,
            @RequestParam(name = "pictures", required = false) @Nullable List<MultipartFile> pictures, Model model,
            RedirectAttributes redirect) {
        try {
            addUploads(seller, form, pictures);
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

    /** Pictures chosen in the editor join the image list (after the URLs typed in), in the order they were chosen. */
    private void addUploads(Actor seller, ProductForm form, @Nullable List<MultipartFile> pictures) {
        if (pictures == null) {
            return;
        }
        List<String> urls = new ArrayList<>();
        for (MultipartFile picture : pictures) {
            if (picture.isEmpty() && picture.getOriginalFilename() != null && picture.getOriginalFilename().isEmpty()) {
                continue; // the file field left empty
            }
            try {
                urls.add(images.upload(seller, picture.getBytes()).url(ImageSize.MEDIUM));
            } catch (IOException e) {
                throw new InvalidInputException("file", Text.of("media.file.unreadable"));
            }
        }
        if (!urls.isEmpty()) {
            String typed = form.getImages().strip();
            form.setImages((typed.isEmpty() ? "" : typed + "\n") + String.join("\n", urls));
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
