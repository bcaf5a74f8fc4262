-- The assistant: refunds it proposed and the buyer has still to confirm, questions handed over to a store,
-- the per-store switch of the model, and one row per answer given (for the operator's figures).
CREATE SCHEMA IF NOT EXISTS assistant;

CREATE TABLE assistant.refund_proposals (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    buyer_account_id BIGINT      NOT NULL,
    order_id         BIGINT      NOT NULL,
    reason           TEXT        NOT NULL,
    proposed_at      TIMESTAMPTZ NOT NULL,
    expires_at       TIMESTAMPTZ NOT NULL,
    confirmed_at     TIMESTAMPTZ,
    refund_id        BIGINT
);
CREATE INDEX refund_proposals_buyer ON assistant.refund_proposals (buyer_account_id, proposed_at DESC);

CREATE TABLE assistant.handovers (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    buyer_account_id BIGINT      NOT NULL,
    store_id         BIGINT,
    order_id         BIGINT,
    question         TEXT        NOT NULL,
    handed_at        TIMESTAMPTZ NOT NULL
);
CREATE INDEX handovers_store ON assistant.handovers (store_id, handed_at DESC);

CREATE TABLE assistant.store_settings (
    store_id      BIGINT PRIMARY KEY,
    model_enabled BOOLEAN     NOT NULL,
    changed_at    TIMESTAMPTZ NOT NULL,
    changed_by    BIGINT      NOT NULL
);

CREATE TABLE assistant.answers (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    answered_at TIMESTAMPTZ NOT NULL,
    intent     TEXT        NOT NULL,
    engine     TEXT        NOT NULL,
    handed_over BOOLEAN    NOT NULL,
    took_micros BIGINT     NOT NULL,
    prompt_tokens BIGINT   NOT NULL DEFAULT 0,
    completion_tokens BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX answers_day ON assistant.answers (answered_at);
