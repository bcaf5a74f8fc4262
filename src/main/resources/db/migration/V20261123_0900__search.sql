CREATE SCHEMA IF NOT EXISTS search;

-- Units sold per product, counted from paid orders; feeds the sales sort and the relevance blend.
CREATE TABLE search.product_sales (
    product_id BIGINT PRIMARY KEY,
    units      BIGINT NOT NULL CHECK (units >= 0)
);

-- Orders already counted, so a redelivered OrderPaid event counts once.
CREATE TABLE search.counted_orders (
    order_id BIGINT PRIMARY KEY
);

-- Products whose index documents changed, written by the instance that handled the event, so that every
-- other instance reindexes them too (each instance tails this log; rows older than an hour are pruned).
CREATE TABLE search.index_changes (
    seq        BIGSERIAL PRIMARY KEY,
    product_id BIGINT      NOT NULL,
    origin     TEXT        NOT NULL,
    changed_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX index_changes_time ON search.index_changes (changed_at);

-- Operator-editable synonym rules in Solr format, applied to queries (not to the index).
CREATE TABLE search.synonyms (
    id         BIGSERIAL PRIMARY KEY,
    rule       TEXT        NOT NULL UNIQUE,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

INSERT INTO search.synonyms (rule) VALUES
    ('手机, mobile phone, cellphone, smartphone'),
    ('手机壳, phone case'),
    ('笔记本电脑, laptop, notebook computer'),
    ('耳机, headphones, earphones, earbuds'),
    ('连衣裙, dress'),
    ('运动鞋, sneakers, trainers'),
    ('跑步鞋, running shoes'),
    ('T恤, t-shirt, tee'),
    ('咖啡, coffee'),
    ('茶, tea');
