/** The pages people use: the shop for buyers, the seller centre and the operations console, over the modules' facades. */
@NullMarked
@ApplicationModule(allowedDependencies = {"platform", "http", "identity", "merchant", "catalog", "inventory", "ordering", "payment", "search", "billing", "ads", "pricing", "membership", "reviews", "fulfillment", "fx", "media", "addressbook", "disputes", "instant", "insights"})
package io.mercato.web;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
