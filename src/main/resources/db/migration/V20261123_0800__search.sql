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
