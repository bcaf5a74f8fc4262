-- The web module counts visitors: one row per store, day and visitor (an anonymous cookie), so a visitor who
-- views ten products of a store on one day counts once for that day.
CREATE SCHEMA IF NOT EXISTS web;

CREATE TABLE web.store_visits (
    store_id   BIGINT NOT NULL,
    day        DATE   NOT NULL,
    visitor    TEXT   NOT NULL,
    PRIMARY KEY (store_id, day, visitor)
);
