-- SPEC §7.2, §7.4: an employee's department is one of careflow.identity.departments, by id,
-- so that its managers (and only they, besides HR and the general managers) handle the
-- person's file. Records written with the department's name get its id; any other name is
-- kept, and such a file is handled by HR and the general managers alone until HR corrects it.
UPDATE employee SET department = 'customer-service'
  WHERE LOWER(department) IN ('customer service', 'customer-service', 'cs', '客户服务部', '客服部');
UPDATE employee SET department = 'sales' WHERE LOWER(department) IN ('sales', '销售部');
UPDATE employee SET department = 'quality' WHERE LOWER(department) IN ('quality', '质量部', '品管部');
UPDATE employee SET department = 'rnd'
  WHERE LOWER(department) IN ('r&d', 'rnd', 'research and development', '研发部');
UPDATE employee SET department = 'warehouse' WHERE LOWER(department) IN ('warehouse', '仓库', '仓储部');
UPDATE employee SET department = 'finance' WHERE LOWER(department) IN ('finance', '财务部');
UPDATE employee SET department = 'hr'
  WHERE LOWER(department) IN ('hr', 'human resources', '人力资源部', '人事部');
UPDATE employee SET department = 'management-office'
  WHERE LOWER(department) IN ('management office', '管理办公室', '营管办');
