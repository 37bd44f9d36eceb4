'use strict';

// Every user task has a due date (camunda:dueDate): without one nobody can tell when it is late,
// and no overdue filter, sweep or escalation ever sees it.
module.exports = function() {
  function check(node, reporter) {
    if (node.$instanceOf('bpmn:UserTask') && !node.get('camunda:dueDate')) {
      reporter.report(node.id, 'user task has no camunda:dueDate: nobody can tell when it is late');
    }
  }
  return { check };
};
