-- Overdue work reaches its managers (issue 16): a task past its due date is escalated once to
-- the manager groups of its department; this row says when and to whom (and keeps two nodes of
-- a cluster from escalating it twice).
CREATE TABLE task_escalation (
    task_id                 VARCHAR(64)   PRIMARY KEY,
    task_name               VARCHAR(255),
    task_definition_key     VARCHAR(255),
    process_definition_key  VARCHAR(255),
    business_key            VARCHAR(255),
    due_at                  TIMESTAMP WITH TIME ZONE NOT NULL,
    escalated_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    manager_groups          VARCHAR(1000) NOT NULL
);

CREATE INDEX task_escalation_at ON task_escalation (escalated_at);
