-- SPEC §8.3: a disciplinary action written by a procedure names the case it comes from (a
-- complaint's number, or the complaint numbers behind a monthly review's penalty), so the
-- employee file shows why, and a retried step finds the action it already wrote. Actions HR
-- entered by hand have none. recorded_by holds who decided: a user, or a group's id.
ALTER TABLE employee_disciplinary_action ADD COLUMN source_case VARCHAR(1000);
ALTER TABLE employee_disciplinary_action ALTER COLUMN recorded_by SET DATA TYPE VARCHAR(200);

-- SPEC §1.10: the monthly review's reward and penalty notice (奖罚通知单) is approved by a
-- general manager before its penalties go onto the employees' records; the review keeps who.
ALTER TABLE complaint_monthly_review ADD COLUMN notice_approved_by VARCHAR(64);
