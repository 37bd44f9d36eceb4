// CareFlow's Camunda Forms in Tasklist (loaded through customScripts in scripts/config.js).
//
// 1. Dates as YYYY-MM-DD. form-js shows and reads a date field in the browser's own date
//    format (an English browser: 11/05/2026). CareFlow's staff read ISO dates everywhere, so
//    the "default" locale form-js asks Intl for is answered with one whose dates are
//    YYYY-MM-DD (Swedish: 2026-11-05). Only calls without a locale change; times stay 24-hour.
// 2. form-js's own validation messages ("Field is required.") in the person's language.
const ISO_DATES = 'sv-SE';
const NativeDateTimeFormat = Intl.DateTimeFormat;

function CompanyDateTimeFormat(locales, options) {
  const locale = locales === undefined || locales === 'default' ? ISO_DATES : locales;
  return new NativeDateTimeFormat(locale, options);
}
CompanyDateTimeFormat.prototype = NativeDateTimeFormat.prototype;
CompanyDateTimeFormat.supportedLocalesOf = NativeDateTimeFormat.supportedLocalesOf;
Intl.DateTimeFormat = CompanyDateTimeFormat;

const config = window.camTasklistConf || {};
const available = (config.locales && config.locales.availableLocales) || ['zh', 'en'];
const browser = ((navigator.languages && navigator.languages[0]) || navigator.language || '')
  .split('-')[0].toLowerCase();
const language = available.includes(browser) ? browser
  : (config.locales && config.locales.fallbackLocale) || 'zh';

const CHINESE = [
  [/^Field is required\.$/, () => '此项必填。'],
  [/^Field must have minimum value of (.+)\.$/, (m) => `不能小于 ${m[1]}。`],
  [/^Field must have maximum value of (.+)\.$/, (m) => `不能大于 ${m[1]}。`],
  [/^Field must have minimum length of (.+)\.$/, (m) => `至少 ${m[1]} 个字符。`],
  [/^Field must have maximum length of (.+)\.$/, (m) => `最多 ${m[1]} 个字符。`],
  [/^Field must match pattern (.+)\.$/, (m) => `格式不正确（${m[1]}）。`],
  [/^Field must be a valid email\.$/, () => '请输入有效的电子邮件地址。'],
  [/^Field must be a valid\s+international phone number\..*$/, () => '请输入有效的国际电话号码。']
];

function translate(element) {
  const text = element.textContent.trim();
  for (const [pattern, chinese] of CHINESE) {
    const match = text.match(pattern);
    if (match) {
      element.textContent = chinese(match);
      return;
    }
  }
}

if (language === 'zh') {
  new MutationObserver(() => {
    document.querySelectorAll('.fjs-form-field-error li, .fjs-form-field-error span')
      .forEach(translate);
  }).observe(document.documentElement, { childList: true, subtree: true, characterData: true });
}

export default [];
