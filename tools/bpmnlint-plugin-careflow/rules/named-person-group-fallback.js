'use strict';

// A user task held by a named person (camunda:assignee or camunda:candidateUsers) also names a
// candidate group, whose manager can reassign it when that person is away or has left.
module.exports = function() {
  function check(node, reporter) {
    if (!node.$instanceOf('bpmn:UserTask')) {
      return;
    }
    const person = node.get('camunda:assignee') || node.get('camunda:candidateUsers');
    if (person && !node.get('camunda:candidateGroups')) {
      reporter.report(node.id, 'user task held by a named person has no candidate group to fall '
        + 'back on (a manager of that group reassigns it when the person is away)');
    }
  }
  return { check };
};
