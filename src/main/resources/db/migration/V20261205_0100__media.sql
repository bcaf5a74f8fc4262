-- Pictures uploaded by sellers (products) and buyers (reviews). The files live in the blob store under
-- <id>/<size>.jpg; a row here says they are all written.
CREATE SCHEMA IF NOT EXISTS media;

CREATE TABLE media.images (
    id          CHAR(64)    PRIMARY KEY,           -- SHA-256 of the uploaded bytes, lowercase hex
    format      TEXT        NOT NULL CHECK (format IN ('jpeg', 'png', 'webp')),
    width       INT         NOT NULL CHECK (width > 0),
    height      INT         NOT NULL CHECK (height > 0),
    bytes       BIGINT      NOT NULL CHECK (bytes > 0),
    uploaded_by TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL
);
