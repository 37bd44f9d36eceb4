-- Run by Flyway after every start's migration, not versioned: no month's counter stays below
-- the highest number its register holds. H2's file store (the embedded default) can keep,
-- after a kill -9, the unique index entry of an intake that never committed while the counter
-- is rolled back (h2database/h2database#2080): the counter would give that number again and
-- every later intake of the month would fail on it. The counter moves past it instead: that
-- never-acknowledged number is skipped and none is given out twice (SPEC §7.6). On a
-- consistent database nothing changes. CP complaints, RT returns, EM employees, VC promotion
-- competitions, PR promotions (numbering.CaseNumbers).
UPDATE case_serial SET last_serial =
    (SELECT MAX(serial) FROM complaint r WHERE r.period = case_serial.period)
  WHERE series = 'CP'
    AND last_serial < (SELECT MAX(serial) FROM complaint r WHERE r.period = case_serial.period);
UPDATE case_serial SET last_serial =
    (SELECT MAX(serial) FROM product_return r WHERE r.period = case_serial.period)
  WHERE series = 'RT'
    AND last_serial < (SELECT MAX(serial) FROM product_return r WHERE r.period = case_serial.period);
UPDATE case_serial SET last_serial =
    (SELECT MAX(serial) FROM employee r WHERE r.period = case_serial.period)
  WHERE series = 'EM'
    AND last_serial < (SELECT MAX(serial) FROM employee r WHERE r.period = case_serial.period);
UPDATE case_serial SET last_serial =
    (SELECT MAX(serial) FROM promotion_competition r WHERE r.period = case_serial.period)
  WHERE series = 'VC'
    AND last_serial <
      (SELECT MAX(serial) FROM promotion_competition r WHERE r.period = case_serial.period);
UPDATE case_serial SET last_serial =
    (SELECT MAX(serial) FROM promotion r WHERE r.period = case_serial.period)
  WHERE series = 'PR'
    AND last_serial < (SELECT MAX(serial) FROM promotion r WHERE r.period = case_serial.period);
