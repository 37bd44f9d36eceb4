// Imports every Camunda Form (*.form) of the given folders with form-js, the library Tasklist
// renders them with (Camunda 7.24: schema version 16), in jsdom. Fails on an error or a warning:
// a form that does not parse, an unknown field type, a duplicate key, a newer schema version.
//   node tools/check-forms.cjs forms src/test/resources/models
const fs = require('fs');
const path = require('path');
const { JSDOM } = require('jsdom');

const dom = new JSDOM('<!doctype html><html><body></body></html>', { pretendToBeVisual: true });
for (const key of Object.getOwnPropertyNames(dom.window)) {
  if (!(key in globalThis)) {
    try { globalThis[key] = dom.window[key]; } catch (readOnly) { /* keep Node's own */ }
  }
}
globalThis.window = dom.window;
globalThis.document = dom.window.document;

const { Form, schemaVersion } = require('@bpmn-io/form-js-viewer');

async function check(file) {
  const schema = JSON.parse(fs.readFileSync(file, 'utf8'));
  const problems = [];
  if (schema.schemaVersion > schemaVersion) {
    problems.push(`schemaVersion ${schema.schemaVersion} is newer than Tasklist's ${schemaVersion}`);
  }
  const container = document.createElement('div');
  document.body.appendChild(container);
  const form = new Form({ container });
  try {
    const { warnings } = await form.importSchema(schema, {});
    warnings.forEach((warning) => problems.push(warning.message || String(warning)));
  } catch (error) {
    problems.push(error.message);
  } finally {
    form.destroy();
  }
  return problems;
}

(async () => {
  const files = process.argv.slice(2)
    .flatMap((folder) => fs.existsSync(folder) ? fs.readdirSync(folder)
      .filter((name) => name.endsWith('.form')).map((name) => path.join(folder, name)) : []);
  let failed = 0;
  for (const file of files.sort()) {
    const problems = await check(file);
    if (problems.length) {
      failed++;
      problems.forEach((problem) => console.error(`${file}: ${problem}`));
    }
  }
  console.log(`${files.length} forms checked with form-js (schema ${schemaVersion}), ${failed} failed`);
  process.exit(failed ? 1 : 0);
})();
