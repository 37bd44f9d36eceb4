-- Answers to POST requests sent with an Idempotency-Key (returns, hires, nominations,
-- competitions, candidacies): a retry with the same key and request gets the first answer
-- instead of a second case. Complaints keep theirs on the complaint register (V2).
CREATE TABLE api_idempotency (
    requested_by     VARCHAR(64)   NOT NULL,
    idempotency_key  VARCHAR(200)  NOT NULL,
    endpoint         VARCHAR(200)  NOT NULL,
    request_hash     CHAR(64)      NOT NULL,
    location         VARCHAR(300)  NOT NULL,
    body             VARCHAR(4000) NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (requested_by, idempotency_key)
);
