/** The seller centre's pages: the dashboard, stores, the product editor, bulk updates, orders to ship, refunds and money. */
@NullMarked
package io.mercato.web.seller;

import org.jspecify.annotations.NullMarked;
