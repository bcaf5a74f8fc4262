package io.mercato.web.seller;

import io.mercato.merchant.Store;
import io.mercato.merchant.Stores;
import io.mercato.platform.Actor;
import io.mercato.platform.ForbiddenException;
import io.mercato.platform.Text;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The store a product page works in: the one named, if the seller runs it; otherwise the seller's first store that
 * may sell (a Tmall store waiting for verification may not), or their first store at all.
 */
@Component
final class CurrentStore {

    private final Stores stores;

    CurrentStore(Stores stores) {
        this.stores = stores;
    }

    /**
     * @throws ForbiddenException when the seller has no store yet, or does not run the one named
     * @throws io.mercato.platform.NotFoundException when the named store does not exist
     */
    Store of(Actor seller, @Nullable Long storeId) {
        if (storeId != null) {
            return stores.requireManagedBy(seller, storeId);
        }
        List<Store> mine = stores.ownedBy(seller.accountId());
        if (mine.isEmpty()) {
            throw new ForbiddenException(Text.of("web.openStoreFirst"));
        }
        return mine.stream().filter(Store::canSell).findFirst().orElse(mine.getFirst());
    }
}
