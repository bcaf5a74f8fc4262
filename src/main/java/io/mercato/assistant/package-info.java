/**
 * Assistant: the buyers' customer-service assistant (answers about their own orders, delivery and refunds through
 * tools that run as the buyer), the shopping guide that turns a need in words into search filters, the merchants'
 * listing copilot and weekly business report, and the gateway to an OpenAI-compatible model when one is configured.
 * With no model, a built-in assistant (intent classification, BM25 retrieval, templated answers) does the work.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"platform", "http", "ordering", "fulfillment", "search", "catalog",
        "merchant", "ads"})
package io.mercato.assistant;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
