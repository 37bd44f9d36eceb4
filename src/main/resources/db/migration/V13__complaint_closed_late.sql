-- SPEC §1.7: a case not closed (customer feedback taken) within the closing limit of the
-- decision complaint-deadlines is marked closed late and counted in the monthly review.
ALTER TABLE complaint ADD COLUMN closed_late BOOLEAN DEFAULT FALSE NOT NULL;
