'use strict';

// Each rule of bpmnlint-plugin-careflow against the broken model that the Java quality gate's
// rule test also reads (src/test/resources/quality-gate/violations.bpmn), and against a model
// that meets every rule. Run with: node --test tools/bpmnlint-plugin-careflow/test
const test = require('node:test');
const assert = require('node:assert');
const fs = require('fs');
const path = require('path');
const { BpmnModdle } = require('bpmn-moddle');
const Linter = require('bpmnlint/lib/linter');
const camunda = require('camunda-bpmn-moddle/resources/camunda.json');

const root = path.resolve(__dirname, '../../..');
const fixtures = path.join(root, 'src/test/resources/quality-gate');
const templates = path.join(fixtures, 'element-templates');

async function lint(file, rule, config = {}) {
  const moddle = new BpmnModdle({ camunda });
  const { rootElement } = await moddle.fromXML(fs.readFileSync(file, 'utf8'));
  const linter = new Linter({
    resolver: {
      resolveRule: () => require(`../rules/${rule}`),
      resolveConfig: () => { throw new Error('not used'); }
    }
  });
  const results = await linter.lint(rootElement, { rules: { [rule]: [ 2, config ] } });
  return (results[rule] || []).map(report => `${report.id}: ${report.message}`).sort();
}

const violations = path.join(fixtures, 'violations.bpmn');
const compliant = path.join(root, 'src/test/resources/models/platform-smoke.bpmn');

test('user-task-due-date reports each user task without a due date', async () => {
  assert.deepStrictEqual(await lint(violations, 'user-task-due-date'), [
    'MissingForm: user task has no camunda:dueDate: nobody can tell when it is late',
    'NoDueDate: user task has no camunda:dueDate: nobody can tell when it is late',
    'NoForm: user task has no camunda:dueDate: nobody can tell when it is late'
  ]);
  assert.deepStrictEqual(await lint(compliant, 'user-task-due-date'), []);
});

test('named-person-group-fallback reports a task held by a person with no group', async () => {
  assert.deepStrictEqual(await lint(violations, 'named-person-group-fallback'), [
    'PersonOnly: user task held by a named person has no candidate group to fall back on '
      + '(a manager of that group reassigns it when the person is away)'
  ]);
  assert.deepStrictEqual(await lint(compliant, 'named-person-group-fallback'), []);
});

test('service-task-template reports hand-typed, unknown and altered templates', async () => {
  const untemplated =
    'service task is not made from an element template (.camunda/element-templates/)';
  assert.deepStrictEqual(await lint(violations, 'service-task-template', { templates }), [
    `ClassTask: ${untemplated}`,
    'TemplateChanged: service task does not run its template\'s ${otherBean}',
    `Undocumented: ${untemplated}`,
    `UnknownBean: ${untemplated}`,
    'UnknownTemplate: element template \'careflow.nothing\' does not exist',
    `Untemplated: ${untemplated}`
  ]);
  assert.deepStrictEqual(await lint(compliant, 'service-task-template', { templates }), []);
});
