'use strict';

// CareFlow's bpmnlint rules (the same three the Java model quality gate applies), so a process
// owner sees them in Camunda Modeler's linting and the build refuses a model that breaks one.
module.exports = {
  configs: {
    recommended: {
      rules: {
        'user-task-due-date': 'error',
        'named-person-group-fallback': 'error',
        'service-task-template': 'error'
      }
    }
  }
};
