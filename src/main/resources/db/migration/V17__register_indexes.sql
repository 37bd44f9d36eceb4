-- Registers at scale (issue 17, item 5; docs/performance.md): a register page is newest first
-- (ORDER BY registered_at DESC, number DESC) with at most one of these filters leading, so each
-- filter gets an index in that order, which PostgreSQL reads backwards and stops after a page;
-- the page's COUNT(*) reads the same index alone. Plain composite indexes: the demo profile's H2
-- runs these migrations too.
CREATE INDEX complaint_newest ON complaint (registered_at, number);
CREATE INDEX complaint_status_newest ON complaint (status, registered_at, number);
CREATE INDEX complaint_category_newest ON complaint (category, registered_at, number);
CREATE INDEX complaint_type_newest ON complaint (complaint_type, registered_at, number);
CREATE INDEX complaint_overdue_newest ON complaint (overdue, registered_at, number);
-- status and category together (the open or closed cases of a category, in a period)
CREATE INDEX complaint_status_category_newest
    ON complaint (status, category, registered_at, number);

-- The monthly review's twelve-month on-time trend counts complaints closed per month from the
-- index alone.
CREATE INDEX complaint_closed_trend ON complaint (closed_at, complaint_type, overdue);

-- The review reads the month's closed returns.
CREATE INDEX product_return_closed_at ON product_return (closed_at);

-- The employee register, newest hire first, by department.
CREATE INDEX employee_newest ON employee (hired_at, id);
CREATE INDEX employee_department_newest ON employee (department, hired_at, id);
