-- SPEC §1.3 (客户抱怨处理表; 003 篇五 九(一): 编号、料号、交运日期、数量、不良数量, 客户要求, 异常样品;
-- 003 篇四 第二條 减价、退货、换货、损害赔偿、批评建议): the register holds the quantity and the
-- defective quantity, or that they are not yet known (客户加工中未确定), the customer's demand,
-- and whether a defective sample was received. Cases registered before: unknown (null).
ALTER TABLE complaint ADD COLUMN quantity INTEGER;
ALTER TABLE complaint ADD COLUMN defective_quantity INTEGER;
ALTER TABLE complaint ADD COLUMN quantity_unknown BOOLEAN;
ALTER TABLE complaint ADD COLUMN customer_demand VARCHAR(20);
ALTER TABLE complaint ADD COLUMN sample_received BOOLEAN;
