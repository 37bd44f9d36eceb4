-- Case numbers of every series (CP complaints, RT returns) come from one counter table:
-- the last serial given out per series and month (YYMM); a row lock keeps numbers gap-free.
CREATE TABLE case_serial (
    series      VARCHAR(8) NOT NULL,
    period      CHAR(4)    NOT NULL,
    last_serial INTEGER    NOT NULL,
    PRIMARY KEY (series, period)
);

INSERT INTO case_serial (series, period, last_serial)
    SELECT 'CP', period, last_serial FROM complaint_serial;

DROP TABLE complaint_serial;
