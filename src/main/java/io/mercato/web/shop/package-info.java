/** The shop's pages for buyers: browsing, product pages, search, the cart, checkout, orders, the wallet, login and registration. */
@NullMarked
package io.mercato.web.shop;

import org.jspecify.annotations.NullMarked;
