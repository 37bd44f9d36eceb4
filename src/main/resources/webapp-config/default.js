// The settings of Cockpit, Admin and the welcome page (Tasklist has its own, tasklist.js),
// served by CareFlow (com.careflow.locale.WebAppConfig) with the company's language filled in
// below (careflow.locale.default-language).
export default {
  app: {
    vendor: 'CareFlow'
  },
  locales: /* careflow:locales */,
  // ISO dates and 24-hour times in every language: webapp-config/date-format.js
  dateFormat: /* careflow:dateFormat */,
  disableWelcomeMessage: true
};
