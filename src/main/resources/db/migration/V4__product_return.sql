-- The returns register (成品退货单 and its booking, SPEC §2): one row per return, numbered
-- RT-YYMM-NNNN, linked to its complaint when a complaint started it.
CREATE TABLE product_return (
    number                  VARCHAR(20)   PRIMARY KEY,
    period                  CHAR(4)       NOT NULL,
    serial                  INTEGER       NOT NULL,
    complaint_number        VARCHAR(20),
    customer_name           VARCHAR(200)  NOT NULL,
    customer_phone          VARCHAR(50)   NOT NULL,
    customer_address        VARCHAR(500),
    customer_region         VARCHAR(20)   NOT NULL,
    order_number            VARCHAR(100),
    product_batch           VARCHAR(100),
    shipped_on              DATE,
    claimed_on              DATE          NOT NULL,
    description             VARCHAR(4000) NOT NULL,
    claimed_quantity        INTEGER,
    over_acceptance_ratio   DECIMAL(5, 4),
    requested_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    requested_by            VARCHAR(64),
    process_instance_id     VARCHAR(64)   NOT NULL,
    status                  VARCHAR(10)   NOT NULL,
    defect_type             VARCHAR(20),
    claim_factual           BOOLEAN,
    storage_fault           BOOLEAN,
    days_since_shipment     INTEGER,
    decision                VARCHAR(25),
    handling                VARCHAR(15),
    approved_quantity       INTEGER,
    unit_price              DECIMAL(12, 2),
    received_quantity       INTEGER,
    return_proof            VARCHAR(20),
    proof_reference         VARCHAR(200),
    booked_quantity         INTEGER,
    settlement_amount       DECIMAL(14, 2),
    voucher_number          VARCHAR(100),
    closed_at               TIMESTAMP WITH TIME ZONE,
    CONSTRAINT product_return_serial_per_month UNIQUE (period, serial)
);

CREATE INDEX product_return_requested_at ON product_return (requested_at);
CREATE INDEX product_return_status ON product_return (status, decision);
CREATE INDEX product_return_complaint ON product_return (complaint_number);
