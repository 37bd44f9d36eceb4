-- The complaint register (投诉登记表, SPEC §1.3): one row per case, numbered CP-YYMM-NNNN.
CREATE TABLE complaint (
    number                    VARCHAR(20)   PRIMARY KEY,
    period                    CHAR(4)       NOT NULL,
    serial                    INTEGER       NOT NULL,
    complaint_type            VARCHAR(20)   NOT NULL,
    channel                   VARCHAR(20)   NOT NULL,
    customer_name             VARCHAR(200)  NOT NULL,
    customer_phone            VARCHAR(50)   NOT NULL,
    customer_address          VARCHAR(500),
    customer_region           VARCHAR(20)   NOT NULL,
    subject                   VARCHAR(200)  NOT NULL,
    description               VARCHAR(4000) NOT NULL,
    order_number              VARCHAR(100),
    product_batch             VARCHAR(100),
    shipped_on                DATE,
    claimed_amount            DECIMAL(12, 2),
    resolved_on_first_contact BOOLEAN       NOT NULL,
    registered_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    registered_by             VARCHAR(64)   NOT NULL,
    idempotency_key           VARCHAR(200),
    request_hash              CHAR(64),
    process_instance_id       VARCHAR(64),
    status                    VARCHAR(10)   NOT NULL,
    category                  VARCHAR(30),
    complaint_valid           BOOLEAN,
    remedy                    VARCHAR(20),
    important                 BOOLEAN       DEFAULT FALSE NOT NULL,
    overdue                   BOOLEAN       DEFAULT FALSE NOT NULL,
    handling_round            INTEGER       DEFAULT 1 NOT NULL,
    closed_at                 TIMESTAMP WITH TIME ZONE,
    retain_until              TIMESTAMP WITH TIME ZONE,
    CONSTRAINT complaint_serial_per_month UNIQUE (period, serial),
    CONSTRAINT complaint_idempotency UNIQUE (registered_by, idempotency_key)
);

CREATE INDEX complaint_registered_at ON complaint (registered_at);
CREATE INDEX complaint_status ON complaint (status, category);

-- The last serial given out per month (YYMM); a row lock on it keeps numbers gap-free.
CREATE TABLE complaint_serial (
    period      CHAR(4) PRIMARY KEY,
    last_serial INTEGER NOT NULL
);
