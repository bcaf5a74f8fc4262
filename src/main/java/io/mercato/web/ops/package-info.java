/** The operations console's pages: the platform overview, the Tmall verification queue, and lookup of orders, stores and accounts. */
@NullMarked
package io.mercato.web.ops;

import org.jspecify.annotations.NullMarked;
