-- SPEC §1.8 (003 篇十一: 顾客有二次投诉的现象，将对相关责任人进行处罚): a complaint that comes back is a
-- second complaint (二次投诉): the customer rejected the result (a new handling round), or
-- complained again about the same order within the policy's days (the earlier complaint named).
-- Cases registered before: read from their rounds only.
ALTER TABLE complaint ADD COLUMN second_complaint BOOLEAN;
ALTER TABLE complaint ADD COLUMN earlier_complaint VARCHAR(20);

-- Every complaint registered asks whether its order was complained about lately.
CREATE INDEX complaint_order_number ON complaint (order_number);
