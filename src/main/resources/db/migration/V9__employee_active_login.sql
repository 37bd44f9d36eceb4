-- One current employee per Tasklist login, enforced by the database: active_user_id is the
-- login while the employee is on probation or regular, and empty once they left, so two hires
-- sent at the same moment with the same new login cannot both succeed; a former employee's
-- login may be hired again.
ALTER TABLE employee ADD COLUMN active_user_id VARCHAR(64);
UPDATE employee SET active_user_id = user_id WHERE status <> 'LEFT';
CREATE UNIQUE INDEX employee_active_user ON employee (active_user_id);
