-- SPEC §1.10 (seed 003 篇五 九(九): 判定責任歸屬確認及比率): the GM office decides, case by case,
-- who was responsible for each upheld complaint of the month and the share, proposed from the
-- case's records; what it decides is what the reward and penalty notice executes. One row per
-- complaint: the unit (a department, or an outside party: supplier, carrier, other company),
-- the person where one is identified, the share in percent, and why the office changed the
-- proposal. Kept with the complaint (register retention deletes it with the case).
CREATE TABLE responsibility_decision (
    complaint_number   VARCHAR(20)   NOT NULL PRIMARY KEY REFERENCES complaint (number),
    review_month       CHAR(7)       NOT NULL,
    department         VARCHAR(64),
    outside_party      VARCHAR(64),
    person             VARCHAR(20),
    share_percent      INTEGER       NOT NULL,
    changed            BOOLEAN       NOT NULL,
    reason             VARCHAR(4000),
    decided_by         VARCHAR(200),
    decided_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT responsibility_decision_one_unit
        CHECK ((department IS NULL) <> (outside_party IS NULL)),
    CONSTRAINT responsibility_decision_share CHECK (share_percent BETWEEN 1 AND 100)
);

CREATE INDEX responsibility_decision_of_month ON responsibility_decision (review_month);

-- SPEC §1.5, §1.10: the monthly review lists, per responsible unit, the improvements the
-- investigation marked for tracking (追踪改善); the register keeps the mark as the case closes
-- (older cases: unknown).
ALTER TABLE complaint ADD COLUMN improvement_tracking BOOLEAN;
