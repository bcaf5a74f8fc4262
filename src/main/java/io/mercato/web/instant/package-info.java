/** The instant-commerce pages: the shop's 30-minute delivery, the rider's phone page and the operations console map. */
@NullMarked
package io.mercato.web.instant;

import org.jspecify.annotations.NullMarked;
