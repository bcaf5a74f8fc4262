-- The stored responses of idempotent API POSTs belong to the HTTP edge (module http), not to the shared kernel,
-- which owns no tables any more.
CREATE SCHEMA IF NOT EXISTS http;

ALTER TABLE platform.idempotency_keys SET SCHEMA http;

DROP SCHEMA platform;
