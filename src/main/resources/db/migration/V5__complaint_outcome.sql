-- What the monthly review (SPEC §1.10) counts of a closed case: who was responsible, the money
-- granted and the customer's satisfaction, written when the case closes.
ALTER TABLE complaint ADD COLUMN responsible_department VARCHAR(200);
ALTER TABLE complaint ADD COLUMN responsible_person VARCHAR(200);
ALTER TABLE complaint ADD COLUMN compensation_amount DECIMAL(12, 2);
ALTER TABLE complaint ADD COLUMN satisfaction_attitude VARCHAR(20);
ALTER TABLE complaint ADD COLUMN satisfaction_skill VARCHAR(20);
ALTER TABLE complaint ADD COLUMN satisfaction_timeliness VARCHAR(20);
ALTER TABLE complaint ADD COLUMN satisfaction_promise VARCHAR(20);

CREATE INDEX complaint_closed_at ON complaint (closed_at);

-- The monthly complaint review (SPEC §1.10): the figures as compiled for the GM office, and,
-- once approved, its responsibility and penalty decisions and when it was published.
CREATE TABLE complaint_monthly_review (
    report_month         CHAR(7)       PRIMARY KEY,
    process_instance_id  VARCHAR(64)   NOT NULL,
    status               VARCHAR(12)   NOT NULL,
    compiled_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    figures              TEXT          NOT NULL,
    decisions            TEXT,
    reviewed_by          VARCHAR(64),
    published_at         TIMESTAMP WITH TIME ZONE
);
