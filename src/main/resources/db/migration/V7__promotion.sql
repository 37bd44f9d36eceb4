-- Promotions (SPEC §4): internal competitions for a vacant post (VACANCY) and the promotions
-- themselves, one row per nomination or per candidate of a competition, numbered
-- PR-YYMM-NNNN, with the eligibility facts the decision was made on.
CREATE TABLE promotion_competition (
    id                   VARCHAR(20)   PRIMARY KEY,
    period               CHAR(4)       NOT NULL,
    serial               INTEGER       NOT NULL,
    post                 VARCHAR(200)  NOT NULL,
    target_grade         INTEGER       NOT NULL,
    places               INTEGER       NOT NULL,
    eligibility          VARCHAR(2000),
    closes_on            DATE          NOT NULL,
    panel                VARCHAR(1000) NOT NULL,
    published_by         VARCHAR(64),
    published_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    status               VARCHAR(12)   NOT NULL,
    process_instance_id  VARCHAR(64),
    CONSTRAINT promotion_competition_serial_per_month UNIQUE (period, serial)
);

CREATE TABLE promotion (
    id                         VARCHAR(20)   PRIMARY KEY,
    period                     CHAR(4)       NOT NULL,
    serial                     INTEGER       NOT NULL,
    employee_id                VARCHAR(20)   NOT NULL REFERENCES employee (id),
    promotion_type             VARCHAR(10)   NOT NULL,
    track                      VARCHAR(12)   NOT NULL,
    competition_id             VARCHAR(20)   REFERENCES promotion_competition (id),
    current_grade              INTEGER       NOT NULL,
    target_grade               INTEGER       NOT NULL,
    current_pay_level          INTEGER       NOT NULL,
    target_pay_level           INTEGER       NOT NULL,
    target_position            VARCHAR(100),
    evaluation                 VARCHAR(4000),
    self_report                VARCHAR(4000),
    supervisor_recommendation  VARCHAR(4000),
    examples                   VARCHAR(4000),
    nominated_by               VARCHAR(64),
    nominated_at               TIMESTAMP WITH TIME ZONE NOT NULL,
    status                     VARCHAR(12)   NOT NULL,
    employment_status          VARCHAR(10),
    months_in_grade            INTEGER,
    avg_performance_score      DECIMAL(5, 2),
    disciplinary_actions_6m    INTEGER,
    has_lecturer_certificate   BOOLEAN,
    at_top_pay_level           BOOLEAN,
    junior_course_score        DECIMAL(5, 2),
    intermediate_course_score  DECIMAL(5, 2),
    senior_course_score        DECIMAL(5, 2),
    unmet_conditions           VARCHAR(300),
    panel_score                DECIMAL(5, 2),
    competition_rank           INTEGER,
    decided_by                 VARCHAR(64),
    decided_at                 TIMESTAMP WITH TIME ZONE,
    decision_note              VARCHAR(2000),
    effective_date             DATE,
    process_instance_id        VARCHAR(64),
    CONSTRAINT promotion_serial_per_month UNIQUE (period, serial),
    CONSTRAINT promotion_one_entry_per_competition UNIQUE (competition_id, employee_id)
);

CREATE INDEX promotion_employee ON promotion (employee_id, status);
CREATE INDEX promotion_nominated_at ON promotion (nominated_at);
