-- Instant commerce: what makes a local store local, the riders, and the deliveries dispatch assigns to them.
CREATE SCHEMA IF NOT EXISTS instant;

CREATE TABLE instant.local_stores (
    store_id           bigint PRIMARY KEY,
    lat                double precision NOT NULL CHECK (lat BETWEEN -90 AND 90),
    lng                double precision NOT NULL CHECK (lng BETWEEN -180 AND 180),
    time_zone          text NOT NULL,
    opens              time NOT NULL,
    closes             time NOT NULL,
    prep_minutes       integer NOT NULL CHECK (prep_minutes BETWEEN 0 AND 120),
    zone_radius_m      integer CHECK (zone_radius_m BETWEEN 100 AND 50000),
    zone_polygon       jsonb,
    currency           text NOT NULL,
    delivery_fee_minor bigint NOT NULL CHECK (delivery_fee_minor >= 0),
    commission_bp      integer NOT NULL CHECK (commission_bp BETWEEN 0 AND 10000),
    rider_pay_minor    bigint NOT NULL CHECK (rider_pay_minor >= 0),
    subsidy_minor      bigint NOT NULL CHECK (subsidy_minor >= 0),
    updated_at         timestamptz NOT NULL,
    CHECK ((zone_radius_m IS NULL) <> (zone_polygon IS NULL))
);

CREATE TABLE instant.riders (
    id         bigserial PRIMARY KEY,
    account_id bigint NOT NULL UNIQUE,
    name       text NOT NULL,
    capacity   integer NOT NULL CHECK (capacity BETWEEN 1 AND 10),
    online     boolean NOT NULL DEFAULT false,
    lat        double precision CHECK (lat BETWEEN -90 AND 90),
    lng        double precision CHECK (lng BETWEEN -180 AND 180),
    seen_at    timestamptz,
    created_at timestamptz NOT NULL
);

CREATE TABLE instant.deliveries (
    id                 bigserial PRIMARY KEY,
    order_id           bigint NOT NULL UNIQUE,
    buyer_account_id   bigint NOT NULL,
    store_id           bigint NOT NULL REFERENCES instant.local_stores (store_id),
    pickup_lat         double precision NOT NULL,
    pickup_lng         double precision NOT NULL,
    drop_lat           double precision NOT NULL,
    drop_lng           double precision NOT NULL,
    status             text NOT NULL CHECK (status IN ('PENDING', 'ASSIGNED', 'ACCEPTED', 'PICKED_UP', 'DELIVERED')),
    rider_id           bigint REFERENCES instant.riders (id),
    route_seq          integer,
    ready_at           timestamptz NOT NULL,
    promised_at        timestamptz NOT NULL,
    quoted_minutes     integer NOT NULL,
    eta                timestamptz NOT NULL,
    proof_code         text NOT NULL,
    created_at         timestamptz NOT NULL,
    assigned_at        timestamptz,
    accepted_at        timestamptz,
    picked_up_at       timestamptz,
    delivered_at       timestamptz,
    currency           text NOT NULL,
    delivery_fee_minor bigint NOT NULL,
    commission_minor   bigint NOT NULL,
    rider_pay_minor    bigint NOT NULL,
    subsidy_minor      bigint NOT NULL,
    CHECK ((status = 'PENDING') = (rider_id IS NULL))
);
CREATE INDEX deliveries_open ON instant.deliveries (status) WHERE status <> 'DELIVERED';
CREATE INDEX deliveries_rider ON instant.deliveries (rider_id) WHERE rider_id IS NOT NULL;

-- A rider who declined a delivery is not offered it again.
CREATE TABLE instant.declines (
    delivery_id bigint NOT NULL REFERENCES instant.deliveries (id),
    rider_id    bigint NOT NULL REFERENCES instant.riders (id),
    declined_at timestamptz NOT NULL,
    PRIMARY KEY (delivery_id, rider_id)
);

-- Every dispatch round, for the console: which step ran, on how much, how fast, how good.
CREATE TABLE instant.dispatch_rounds (
    id         bigserial PRIMARY KEY,
    ran_at     timestamptz NOT NULL,
    step       text NOT NULL CHECK (step IN ('GREEDY', 'SOLVER')),
    jobs       integer NOT NULL,
    riders     integer NOT NULL,
    assigned   integer NOT NULL,
    millis     integer NOT NULL,
    distance_m bigint NOT NULL,
    late       integer NOT NULL
);
