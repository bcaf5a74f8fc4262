package io.mercato.insights;

/**
 * The activity stream. Recording is cheap and never waits on the database: it is buffered in memory and written in
 * batches (every {@code mercato.insights.activity-flush-every}, and when the buffer grows large), so a page view costs
 * a map update. A visit not yet written when the process stops is lost; the counts are statistics, not records.
 */
public interface Activity {

    /**
     * Records that a visitor did something now.
     *
     * @param visitor an opaque id of the visitor (a buyer's account or an anonymous cookie), at most 64 characters
     */
    void record(String visitor, ActivityKind kind);

    /** Writes what is buffered; answers how many visitor-days it wrote. */
    int flush();
}
