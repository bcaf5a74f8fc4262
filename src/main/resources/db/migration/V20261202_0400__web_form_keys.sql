-- One-time keys of the page forms whose repeat would act twice (top up, withdraw, open a store): the first
-- submission of a page's form claims its key, a repeat of the same form finds it claimed and does nothing.
CREATE TABLE web.form_keys (
    account_id BIGINT      NOT NULL,
    form_key   TEXT        NOT NULL,
    used_at    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (account_id, form_key)
);
CREATE INDEX form_keys_used_at ON web.form_keys (used_at);
