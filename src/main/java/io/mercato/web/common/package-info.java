/** What the shop, the seller centre and the operations console share: formats, chart series, error pages, visitor counts and locale. */
@NullMarked
package io.mercato.web.common;

import org.jspecify.annotations.NullMarked;
