-- V17's indexes begin with the columns of these older ones, so every query that used them reads
-- V17's instead (PostgreSQL and H2 use a composite index for its leading columns); dropping
-- them spares each intake, close and overdue mark the work of keeping them up to date.
DROP INDEX IF EXISTS complaint_registered_at;  -- complaint_newest (registered_at, number)
DROP INDEX IF EXISTS complaint_status;         -- complaint_status_category_newest (status, category, …)
DROP INDEX IF EXISTS complaint_closed_at;      -- complaint_closed_trend (closed_at, …)
DROP INDEX IF EXISTS employee_hired_at;        -- employee_newest (hired_at, id)
