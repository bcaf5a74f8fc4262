/**
 * Fulfillment: warehouses, carriers and their services and lanes, shipping templates, delivery promises, parcels
 * with their tracking timelines fed by carriers' signed webhooks, exceptions, consolidated cross-border parcels and
 * the logistics metrics. It moves orders to shipped and delivered through ordering's lifecycle and answers
 * ordering's {@code OrderShipping} SPI at checkout.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"platform", "http", "ordering", "merchant"})
package io.mercato.fulfillment;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
