CREATE SCHEMA IF NOT EXISTS fulfillment;

-- Carriers post tracking events signed with their secret; the previous secret stays valid for a grace period
-- after a rotation, so a carrier can switch without losing events.
CREATE TABLE fulfillment.carriers (
    id                    BIGSERIAL PRIMARY KEY,
    code                  TEXT        NOT NULL UNIQUE CHECK (code ~ '^[A-Z0-9]{2,10}$'),
    name                  TEXT        NOT NULL,
    secret                TEXT        NOT NULL,
    previous_secret       TEXT,
    previous_valid_until  TIMESTAMPTZ,
    rotated_at            TIMESTAMPTZ NOT NULL
);

CREATE TABLE fulfillment.services (
    id          BIGSERIAL PRIMARY KEY,
    carrier_id  BIGINT NOT NULL REFERENCES fulfillment.carriers (id),
    code        TEXT   NOT NULL CHECK (code ~ '^[A-Z0-9_-]{1,20}$'),
    kind        TEXT   NOT NULL CHECK (kind IN ('STANDARD', 'NEXT_DAY', 'HALF_DAY', 'GLOBAL_5_DAY')),
    name        TEXT   NOT NULL,
    UNIQUE (carrier_id, code)
);

-- Transit in working days from an origin region to a destination (a region such as CN-ZHEJIANG, a country such
-- as DE, or * for anywhere); the most specific destination wins.
CREATE TABLE fulfillment.lanes (
    service_id   BIGINT NOT NULL REFERENCES fulfillment.services (id),
    origin       TEXT   NOT NULL,
    destination  TEXT   NOT NULL,
    transit_days INT    NOT NULL CHECK (transit_days BETWEEN 0 AND 60),
    PRIMARY KEY (service_id, origin, destination)
);

-- A store's warehouse (store_id set) or the platform's own (store_id null; a hub consolidates cross-border parcels).
CREATE TABLE fulfillment.warehouses (
    id         BIGSERIAL PRIMARY KEY,
    store_id   BIGINT,
    name       TEXT    NOT NULL,
    city       TEXT    NOT NULL,
    province   TEXT,
    country    CHAR(2) NOT NULL,
    time_zone  TEXT    NOT NULL,
    cutoff     TIME    NOT NULL,
    hub        BOOLEAN NOT NULL DEFAULT FALSE,
    created_at TIMESTAMPTZ NOT NULL,
    CHECK (NOT hub OR store_id IS NULL)
);
CREATE INDEX warehouses_store ON fulfillment.warehouses (store_id);

-- Days carriers do not collect or deliver in a country, besides Saturdays and Sundays.
CREATE TABLE fulfillment.holidays (
    country CHAR(2) NOT NULL,
    day     DATE    NOT NULL,
    name    TEXT    NOT NULL,
    PRIMARY KEY (country, day)
);

-- How a store ships: from which warehouse, with which service, at which rates.
CREATE TABLE fulfillment.templates (
    store_id        BIGINT PRIMARY KEY,
    warehouse_id    BIGINT  NOT NULL REFERENCES fulfillment.warehouses (id),
    service_id      BIGINT  NOT NULL REFERENCES fulfillment.services (id),
    currency        CHAR(3) NOT NULL,
    free_over_minor BIGINT CHECK (free_over_minor >= 0),
    updated_at      TIMESTAMPTZ NOT NULL
);

CREATE TABLE fulfillment.template_rates (
    store_id          BIGINT NOT NULL REFERENCES fulfillment.templates (store_id) ON DELETE CASCADE,
    destination       TEXT   NOT NULL,
    first_kg_minor    BIGINT NOT NULL CHECK (first_kg_minor >= 0),
    extra_kg_minor    BIGINT NOT NULL CHECK (extra_kg_minor >= 0),
    PRIMARY KEY (store_id, destination)
);

-- The promise quoted when the order was placed (destination: the lane's destination that matched), when it was
-- paid, when its first parcel left the warehouse and when its last reached the buyer: the metrics read these.
CREATE TABLE fulfillment.order_promises (
    order_id     BIGINT PRIMARY KEY,
    store_id     BIGINT      NOT NULL,
    buyer_id     BIGINT      NOT NULL,
    seller_id    BIGINT      NOT NULL,
    warehouse_id BIGINT      NOT NULL REFERENCES fulfillment.warehouses (id),
    service_id   BIGINT      NOT NULL REFERENCES fulfillment.services (id),
    origin       TEXT        NOT NULL,
    destination  TEXT        NOT NULL,
    ships_on     DATE        NOT NULL,
    promised_by  TIMESTAMPTZ NOT NULL,
    quoted_at    TIMESTAMPTZ NOT NULL,
    paid_at      TIMESTAMPTZ,
    left_at      TIMESTAMPTZ,
    delivered_at TIMESTAMPTZ
);
CREATE INDEX order_promises_warehouse ON fulfillment.order_promises (warehouse_id, paid_at);

-- A parcel: DIRECT to the buyer, INBOUND to a platform hub (a global store's part of a consolidated shipment), or
-- CONSOLIDATED (the hub's one international parcel holding a buyer's inbound parcels).
CREATE TABLE fulfillment.parcels (
    id              BIGSERIAL PRIMARY KEY,
    kind            TEXT        NOT NULL CHECK (kind IN ('DIRECT', 'INBOUND', 'CONSOLIDATED')),
    order_id        BIGINT,
    store_id        BIGINT,
    seller_id       BIGINT,
    buyer_id        BIGINT      NOT NULL,
    carrier_id      BIGINT      NOT NULL REFERENCES fulfillment.carriers (id),
    service_id      BIGINT      NOT NULL REFERENCES fulfillment.services (id),
    warehouse_id    BIGINT      NOT NULL REFERENCES fulfillment.warehouses (id),
    hub_id          BIGINT REFERENCES fulfillment.warehouses (id),
    tracking_number TEXT        NOT NULL,
    status          TEXT        NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    last_event_at   TIMESTAMPTZ,
    collected_at    TIMESTAMPTZ,
    delivered_at    TIMESTAMPTZ,
    consolidated_into BIGINT REFERENCES fulfillment.parcels (id),
    UNIQUE (carrier_id, tracking_number),
    CHECK ((kind = 'CONSOLIDATED') = (order_id IS NULL))
);
CREATE INDEX parcels_order ON fulfillment.parcels (order_id);
CREATE INDEX parcels_consolidated ON fulfillment.parcels (consolidated_into);
CREATE INDEX parcels_at_hub ON fulfillment.parcels (hub_id, buyer_id) WHERE kind = 'INBOUND' AND consolidated_into IS NULL;

CREATE TABLE fulfillment.parcel_lines (
    parcel_id  BIGINT NOT NULL REFERENCES fulfillment.parcels (id),
    line_id    BIGINT NOT NULL,
    quantity   BIGINT NOT NULL CHECK (quantity > 0),
    PRIMARY KEY (parcel_id, line_id)
);

-- Every tracking event once, by the carrier's event id; the timeline orders them by when they happened.
CREATE TABLE fulfillment.tracking_events (
    id          BIGSERIAL PRIMARY KEY,
    parcel_id   BIGINT      NOT NULL REFERENCES fulfillment.parcels (id),
    carrier_id  BIGINT      NOT NULL,
    event_id    TEXT        NOT NULL,
    kind        TEXT        NOT NULL,
    occurred_at TIMESTAMPTZ NOT NULL,
    received_at TIMESTAMPTZ NOT NULL,
    location    TEXT,
    note        TEXT,
    UNIQUE (carrier_id, event_id)
);
CREATE INDEX tracking_events_parcel ON fulfillment.tracking_events (parcel_id, occurred_at);

-- Signatures already used: the same signed request twice is a replay.
CREATE TABLE fulfillment.webhook_signatures (
    signature TEXT PRIMARY KEY,
    seen_at   TIMESTAMPTZ NOT NULL
);

CREATE TABLE fulfillment.refused_webhooks (
    id          BIGSERIAL PRIMARY KEY,
    carrier     TEXT        NOT NULL,
    reason      TEXT        NOT NULL,
    detail      TEXT        NOT NULL,
    event_id    TEXT,
    received_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX refused_webhooks_received ON fulfillment.refused_webhooks (received_at DESC);

-- A parcel in trouble: the seller and the operator see it until one of them resolves it.
CREATE TABLE fulfillment.alerts (
    id          BIGSERIAL PRIMARY KEY,
    parcel_id   BIGINT      NOT NULL REFERENCES fulfillment.parcels (id),
    event_id    BIGINT      NOT NULL UNIQUE REFERENCES fulfillment.tracking_events (id),
    raised_at   TIMESTAMPTZ NOT NULL,
    note        TEXT,
    resolved_at TIMESTAMPTZ,
    resolved_by TEXT
);
