'use strict';

const fs = require('fs');
const path = require('path');

// Every service task is made from an element template of .camunda/element-templates/ (a process
// owner picks "Notify the customer" in Camunda Modeler instead of typing a bean name) and still
// runs that template's delegate. Config: { templates: '<folder>' }, relative to the working
// directory.
function templates(folder) {
  const implementations = new Map();
  for (const file of fs.readdirSync(folder).filter(name => name.endsWith('.json')).sort()) {
    const read = JSON.parse(fs.readFileSync(path.join(folder, file), 'utf8'));
    for (const template of Array.isArray(read) ? read : [ read ]) {
      const implementation = (template.properties || []).find(property => property.binding
        && property.binding.type === 'property'
        && property.binding.name === 'camunda:delegateExpression');
      implementations.set(template.id, implementation ? implementation.value : null);
    }
  }
  return implementations;
}

module.exports = function(config = {}) {
  const known = templates(path.resolve(config.templates || '.camunda/element-templates'));

  function check(node, reporter) {
    if (!node.$instanceOf('bpmn:ServiceTask')) {
      return;
    }
    const template = node.get('camunda:modelerTemplate');
    if (!template) {
      reporter.report(node.id,
        'service task is not made from an element template (.camunda/element-templates/)');
    } else if (!known.has(template)) {
      reporter.report(node.id, `element template '${template}' does not exist`);
    } else if (known.get(template) !== node.get('camunda:delegateExpression')) {
      reporter.report(node.id, `service task does not run its template's ${known.get(template)}`);
    }
  }
  return { check };
};
