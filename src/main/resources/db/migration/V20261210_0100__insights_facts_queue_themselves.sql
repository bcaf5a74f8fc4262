-- Every fact written is queued for the fold by the table itself, in the statement that writes it: the writers
-- (the event listeners, the full recompute, the history loader) each repeated the queueing before, and a writer that
-- forgot it would have left its facts out of the daily tables for good. The trigger runs once per statement, over the
-- rows the statement actually added (a fact whose key was counted before adds none).
CREATE FUNCTION insights.queue_added_facts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO insights.unfolded (event_key) SELECT event_key FROM added;
    RETURN NULL;
END
$$;

CREATE TRIGGER facts_queue_for_fold
    AFTER INSERT ON insights.facts
    REFERENCING NEW TABLE AS added
    FOR EACH STATEMENT EXECUTE FUNCTION insights.queue_added_facts();
