-- A complaint's Idempotency-Key answer is kept in api_idempotency (V8), as every other POST's
-- that starts a case; the complaint register no longer keeps keys of its own.
ALTER TABLE complaint DROP CONSTRAINT complaint_idempotency;
ALTER TABLE complaint DROP COLUMN idempotency_key;
ALTER TABLE complaint DROP COLUMN request_hash;
