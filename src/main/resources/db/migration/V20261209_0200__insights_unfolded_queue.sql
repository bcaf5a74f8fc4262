-- The facts not yet folded, as a queue the fold deletes from in the order they were written. Before this the fold
-- marked facts folded and found the next batch through a partial index on unfolded facts; every fact it folded left a
-- dead entry in that index until vacuum, and every later batch walked them all (20 million at ten million orders).
-- The fold now reads the queue by position, past what it has just taken, and the facts are written once and never
-- changed. The queue's rows are small; vacuum is told to clean it after every 50,000 folded facts, whatever its size.
CREATE TABLE insights.unfolded (
    seq       BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_key TEXT   NOT NULL
) WITH (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 50000,
        autovacuum_vacuum_insert_scale_factor = 0, autovacuum_vacuum_insert_threshold = 50000);

INSERT INTO insights.unfolded (event_key) SELECT event_key FROM insights.facts WHERE NOT folded ORDER BY event_key;

DROP INDEX insights.facts_unfolded;
ALTER TABLE insights.facts DROP COLUMN folded;
