// Imports every Camunda Form (*.form) of the given folders with form-js, the library Tasklist
// renders them with (Camunda 7.24: schema version 16), in jsdom. Fails on an error or a warning:
// a form that does not parse, an unknown field type, a duplicate key, a newer schema version.
// In a folder with an English catalogue (i18n/en.json, forms/README.md), also fails on a text a
// person reads (label, description, text, option label) that is not in Chinese, or that has no
// English in the catalogue.
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

const TEXTS = ['label', 'description', 'text', 'placeholder', 'dateLabel', 'timeLabel'];
const CHINESE = /[\u3400-\u4dbf\u4e00-\u9fff]/;
// what needs no translation: numbers, codes, product names, markdown rules
const UNTRANSLATED = /^[#\s]*([\d\s.,:%+\-–/()]*|[A-Z0-9_]+|CareFlow|Camunda)$/;

function* components(list) {
  for (const component of list || []) {
    yield component;
    yield* components(component.components);
  }
}

/** The form's texts not in Chinese, or without their English in the catalogue. */
function languageProblems(schema, catalogue) {
  const problems = [];
  const english = catalogue[schema.id] || {};
  for (const component of components(schema.components)) {
    const entry = english[component.id] || {};
    for (const property of TEXTS) {
      const text = component[property];
      if (typeof text !== 'string' || UNTRANSLATED.test(text)) continue;
      if (!CHINESE.test(text)) problems.push(`${component.id}.${property} is not in Chinese: "${text}"`);
      if (typeof entry[property] !== 'string' || !entry[property].trim()) {
        problems.push(`${component.id}.${property} has no English in i18n/en.json`);
      }
    }
    for (const option of component.values || []) {
      if (!CHINESE.test(option.label || '')) {
        problems.push(`${component.id} option ${option.value} is not in Chinese: "${option.label}"`);
      }
      if (!(entry.values && entry.values[option.value])) {
        problems.push(`${component.id} option ${option.value} has no English in i18n/en.json`);
      }
    }
  }
  return problems;
}

(async () => {
  const catalogues = {};
  for (const folder of process.argv.slice(2)) {
    const file = path.join(folder, 'i18n', 'en.json');
    if (fs.existsSync(file)) catalogues[folder] = JSON.parse(fs.readFileSync(file, 'utf8'));
  }
  const files = process.argv.slice(2)
    .flatMap((folder) => fs.existsSync(folder) ? fs.readdirSync(folder)
      .filter((name) => name.endsWith('.form')).map((name) => path.join(folder, name)) : []);
  let failed = 0;
  for (const file of files.sort()) {
    const problems = await check(file);
    const catalogue = catalogues[path.dirname(file)];
    if (catalogue) {
      problems.push(...languageProblems(JSON.parse(fs.readFileSync(file, 'utf8')), catalogue));
    }
    if (problems.length) {
      failed++;
      problems.forEach((problem) => console.error(`${file}: ${problem}`));
    }
  }
  console.log(`${files.length} forms checked with form-js (schema ${schemaVersion}), `
    + `${Object.keys(catalogues).length ? 'in Chinese with their English, ' : ''}${failed} failed`);
  process.exit(failed ? 1 : 0);
})();
