// Tasklist's settings, served by CareFlow (com.careflow.locale.WebAppConfig) with the company's
// language filled in below (careflow.locale.default-language).
export default {
  app: {
    vendor: 'CareFlow'
  },
  locales: /* careflow:locales */,
  // ISO dates and 24-hour times in every language: webapp-config/date-format.js
  dateFormat: /* careflow:dateFormat */,
  // CareFlow's forms in Tasklist: dates as YYYY-MM-DD, form messages in the person's language.
  customScripts: ['careflow/forms'],
  disableWelcomeMessage: true,
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'claims the currently selected task'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'set the focus to the first filter in the list'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'sets the focus to the first task in the list'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'sets the focus to the first input field in a task form'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'opens the start process modal dialog'
    }
  }
};
