package io.mercato.web.shop;

import io.mercato.catalog.Catalog;
import io.mercato.catalog.Category;
import io.mercato.catalog.Product;
import io.mercato.platform.NotFoundException;
import io.mercato.platform.Text;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The home page with its category navigation and featured products, and the catalogue pages by category. */
@Controller
final class BrowseController {

    private static final int PAGE_SIZE = 24;

    private final Catalog catalog;
    private final Showcase showcase;
    private final SponsoredTiles sponsored;

    BrowseController(Catalog catalog, Showcase showcase, SponsoredTiles sponsored) {
        this.catalog = catalog;
        this.showcase = showcase;
        this.sponsored = sponsored;
    }

    @GetMapping("/")
    String home(Model model, @Value("${mercato.demo.enabled:true}") boolean demo, HttpServletRequest request,
            HttpServletResponse response) {
        model.addAttribute("demo", demo);
        List<Category> tree = catalog.categoryTree();
        model.addAttribute("categories", tree);
        model.addAttribute("products", showcase.featured(tree));
        model.addAttribute("ads", sponsored.forFeed(request, response));
        return "shop/home";
    }

    @GetMapping({"/c/{categoryId}", "/products"})
    String category(@PathVariable(required = false) @Nullable Long categoryId,
            @RequestParam(defaultValue = "NEWEST") Catalog.Sort sort, @RequestParam(defaultValue = "0") int page,
            Model model) {
        List<Category> tree = catalog.categoryTree();
        Category category = categoryId == null ? null : find(tree, categoryId)
                .orElseThrow(() -> new NotFoundException(Text.of("web.thereNoCategory", categoryId)));
        Catalog.Page<Product> products = catalog.browse(categoryId, null, sort, Math.max(0, page), PAGE_SIZE);
        model.addAttribute("categories", tree);
        model.addAttribute("category", category);
        model.addAttribute("products", products.items());
        model.addAttribute("page", products.page());
        model.addAttribute("pages", Math.max(1, (products.total() + PAGE_SIZE - 1) / PAGE_SIZE));
        model.addAttribute("total", products.total());
        model.addAttribute("sort", sort);
        return "shop/category";
    }

    private static Optional<Category> find(List<Category> tree, long id) {
        for (Category category : tree) {
            if (category.id() == id) {
                return Optional.of(category);
            }
            Optional<Category> child = find(category.children(), id);
            if (child.isPresent()) {
                return child;
            }
        }
        return Optional.empty();
    }
}
