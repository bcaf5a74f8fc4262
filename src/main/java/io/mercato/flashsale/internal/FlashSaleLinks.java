package io.mercato.flashsale.internal;

import io.mercato.flashsale.FlashSale;
import io.mercato.flashsale.FlashSales;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * What the shop's pages show of flash sales without depending on this module: templates ask
 * {@code @flashSaleLinks} for the sales not yet ended (the home page's strip) and for one product's (the product
 * page's link to its sale). Public because templates call it by reflection.
 */
@Component("flashSaleLinks")
public final class FlashSaleLinks {

    private static final int ON_HOME = 4;

    private final FlashSales sales;

    FlashSaleLinks(FlashSales sales) {
        this.sales = sales;
    }

    /** Up to four sales not yet ended, soonest first. */
    public List<FlashSale> upcoming() {
        return sales.current().stream().limit(ON_HOME).toList();
    }

    /** The product's sales not yet ended, soonest first. */
    public List<FlashSale> forProduct(long productId) {
        return sales.current().stream().filter(sale -> sale.productId() == productId).toList();
    }
}
