// The date formats of every Camunda web app (Tasklist, Cockpit, Admin, the welcome page): ISO
// dates and 24-hour times in every language (the locale files' dateLocales say how). Filled into
// each app's settings by com.careflow.locale.WebAppConfig in place of careflow:dateFormat.
{
    monthName: 'MMMM',
    day: 'DD',
    abbr: 'YYYY-MM-DD HH:mm',
    normal: 'YYYY-MM-DD HH:mm',
    long: 'YYYY-MM-DD dddd HH:mm',
    short: 'YYYY-MM-DD'
  }
