-- SPEC §1.10, §8.3 as corrected: the monthly reviews before this release wrote each person's
-- penalty points as a disciplinary action (WARNING by default), which barred promotion for six
-- months. They were bonus deductions of the reward and penalty notice: each moves to the
-- bonus deductions of its review, with its month, reason, complaints, approver and date, and
-- leaves the disciplinary record. The actions are known by the reason the review wrote, in the
-- company's language: "月度投诉评审 2026-10：…" or "Monthly complaint review 2026-10: …".
INSERT INTO employee_bonus_deduction (employee_id, review_month, amount, source_case, reason,
    approved_by, approved_on, recorded_at)
  SELECT employee_id, SUBSTRING(reason FROM 8 FOR 7), NULL, source_case, reason, recorded_by,
         action_on, recorded_at
  FROM employee_disciplinary_action WHERE reason LIKE '月度投诉评审 %';
INSERT INTO employee_bonus_deduction (employee_id, review_month, amount, source_case, reason,
    approved_by, approved_on, recorded_at)
  SELECT employee_id, SUBSTRING(reason FROM 26 FOR 7), NULL, source_case, reason, recorded_by,
         action_on, recorded_at
  FROM employee_disciplinary_action WHERE reason LIKE 'Monthly complaint review %';
DELETE FROM employee_disciplinary_action
  WHERE reason LIKE '月度投诉评审 %' OR reason LIKE 'Monthly complaint review %';
