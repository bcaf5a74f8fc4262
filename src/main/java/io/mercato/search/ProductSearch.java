package io.mercato.search;

import io.mercato.platform.Actor;
import java.util.List;

/** Finds listed products by words and filters, and lets operators rebuild the index and edit synonyms. */
public interface ProductSearch {

    /**
     * One page of matching listed products with facet counts over all matches.
     *
     * @throws io.mercato.platform.InvalidInputException naming the field when the query breaks a limit
     */
    SearchResult search(SearchQuery query);

    /**
     * Units sold of each product, counted from paid orders (refunds do not take units back), including sales not
     * yet folded into the index; products never sold are absent.
     */
    java.util.Map<Long, Long> unitsSold(java.util.Collection<Long> productIds);

    /**
     * Starts a full rebuild from the database into a new index; the current index serves until the new one
     * is complete. Returns at once; a rebuild already running is not started twice.
     *
     * @throws io.mercato.platform.ForbiddenException when the actor is not an operator
     */
    RebuildProgress rebuild(Actor operator);

    /** The progress of the running (or last) rebuild. */
    RebuildProgress rebuildProgress(Actor operator);

    /** Synonym rules in Solr format: {@code 手机, mobile phone} (equivalent) or {@code tee => t-shirt}. */
    List<SynonymRule> synonyms(Actor operator);

    /**
     * Adds a rule; it applies to queries at once on this instance and within seconds on the others.
     *
     * @throws io.mercato.platform.InvalidInputException when the rule cannot be parsed
     */
    SynonymRule addSynonym(Actor operator, String rule);

    void removeSynonym(Actor operator, long ruleId);

    record SynonymRule(long id, String rule) {
    }
}
