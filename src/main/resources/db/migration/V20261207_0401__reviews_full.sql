-- Reviews in full: the store's three ratings given with a review (item as described, service, logistics), pictures,
-- one follow-up by the buyer, one reply by the seller, and the operator's hiding of abusive reviews (a hidden review
-- leaves every average and every public list). Reviews written before this carry no store ratings.
ALTER TABLE reviews.reviews
    ADD COLUMN store_id           BIGINT,
    ADD COLUMN description_rating SMALLINT CHECK (description_rating BETWEEN 1 AND 5),
    ADD COLUMN service_rating     SMALLINT CHECK (service_rating BETWEEN 1 AND 5),
    ADD COLUMN logistics_rating   SMALLINT CHECK (logistics_rating BETWEEN 1 AND 5),
    ADD COLUMN images             TEXT[]      NOT NULL DEFAULT '{}' CHECK (cardinality(images) <= 6),
    ADD COLUMN follow_up          TEXT        CHECK (length(follow_up) <= 1000),
    ADD COLUMN follow_up_at       TIMESTAMPTZ,
    ADD COLUMN reply              TEXT        CHECK (length(reply) <= 1000),
    ADD COLUMN reply_at           TIMESTAMPTZ,
    ADD COLUMN replied_by         BIGINT,
    ADD COLUMN hidden_at          TIMESTAMPTZ,
    ADD COLUMN hidden_by          BIGINT,
    ADD COLUMN hidden_reason      TEXT        CHECK (length(hidden_reason) <= 500);

CREATE INDEX reviews_by_store ON reviews.reviews (store_id, created_at DESC, id DESC);
CREATE INDEX reviews_hidden ON reviews.reviews (hidden_at) WHERE hidden_at IS NOT NULL;
