// The settings of Cockpit, Admin and the welcome page (Tasklist has its own, tasklist.js),
// served by CareFlow (com.careflow.locale.WebAppConfig) with the company's language filled in
// below (careflow.locale.default-language).
export default {
  app: {
    vendor: 'CareFlow'
  },
  locales: /* careflow:locales */,
  // ISO dates and 24-hour times in every language (the locale files' dateLocales say how).
  dateFormat: {
    monthName: 'MMMM',
    day: 'DD',
    abbr: 'YYYY-MM-DD HH:mm',
    normal: 'YYYY-MM-DD HH:mm',
    long: 'YYYY-MM-DD dddd HH:mm',
    short: 'YYYY-MM-DD'
  },
  disableWelcomeMessage: true
};
