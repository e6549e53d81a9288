// cartflow additions to the Camunda webapps (loaded through customScripts in each app's config.js).
//  1. a language switch in the footer (日本語 / English), kept in localStorage (see locale.js)
//  2. Japanese messages for the checks Camunda Forms (form-js) makes in the browser; form-js has no
//     translation hook, so its English messages are replaced where they appear
//  3. Japanese day and month names for the AngularJS date pickers (Tasklist's due date, Cockpit's filters)
//  4. dates and times shown in Japan time (Asia/Tokyo) whatever the zone of the operator's PC
import { chosenLocale, KEY_NAME } from './locale.js';

const ja = chosenLocale() === 'ja';

// ---- 1. language switch ---------------------------------------------------------------------------
function addLanguageSwitch() {
  const footer = document.querySelector('footer [class*="footer"], footer');
  if (!footer || footer.querySelector('.cartflow-language-switch')) return;
  const link = document.createElement('a');
  link.href = '#';
  link.className = 'cartflow-language-switch';
  link.textContent = ja ? 'English' : '日本語';
  link.setAttribute('lang', ja ? 'en' : 'ja');
  link.addEventListener('click', (event) => {
    event.preventDefault();
    window.localStorage.setItem(KEY_NAME, ja ? 'en' : 'ja');
    window.location.reload();
  });
  footer.appendChild(link);
}

// ---- 2. form-js messages ------------------------------------------------------------------------------
const FORM_MESSAGES = [
  [/^Field is required\.?$/, () => '入力してください。'],
  [/^Field must have minimum length of (\d+)\.?$/, (m) => `${m[1]}文字以上で入力してください。`],
  [/^Field must have maximum length of (\d+)\.?$/, (m) => `${m[1]}文字以内で入力してください。`],
  [/^Field must have minimum value of (.+?)\.?$/, (m) => `${m[1]}以上の値を入力してください。`],
  [/^Field must have maximum value of (.+?)\.?$/, (m) => `${m[1]}以下の値を入力してください。`],
  [/^Field must match pattern .*$/, () => '入力の形式が正しくありません。'],
  [/^Field must be a valid email\.?$/, () => 'メールアドレスの形式で入力してください。'],
  [/^Field must be a valid international phone number\.?$/, () => '電話番号の形式で入力してください。'],
  [/^Value must be a number\.?$/, () => '数字で入力してください。'],
  [/^Date must be valid\.?$|^Invalid date\.?$/i, () => '日付を yyyy/MM/dd の形で入力してください。'],
];

function translateFormMessage(text) {
  for (const [pattern, message] of FORM_MESSAGES) {
    const m = pattern.exec(text.trim());
    if (m) return message(m);
  }
  return null;
}

// A refused Complete arrives as "Cannot submit task form <task id>: <our Japanese reason>" (the REST API's
// prefix); the operator needs only the reason.
const SUBMIT_PREFIX = /^\s*Cannot submit task form [0-9a-zA-Z-]+:\s*/;

function stripSubmitPrefix(root) {
  root.querySelectorAll('.page-notifications .alert *, .notifications .alert *').forEach((el) => {
    if (el.children.length === 0 && SUBMIT_PREFIX.test(el.textContent || '')) {
      el.textContent = el.textContent.replace(SUBMIT_PREFIX, '');
    }
  });
}

function translateFormPlaceholders(root) {
  root.querySelectorAll('.fjs-select-placeholder').forEach((el) => {
    if (el.textContent.trim() === 'Select') el.textContent = '選択してください';
  });
}

function translateFormErrors(root) {
  root.querySelectorAll('.fjs-form-field-error li, .fjs-form-field-error span, .fjs-form-field-error').forEach((el) => {
    if (el.children.length) return;
    const translated = translateFormMessage(el.textContent || '');
    if (translated && translated !== el.textContent) el.textContent = translated;
  });
}

// ---- 3. AngularJS calendar names ---------------------------------------------------------------------
function japaneseAngularLocale() {
  const angular = window.angular;
  if (!angular || !angular.module) return;
  angular.module('ng').config(['$provide', ($provide) => {
    $provide.decorator('$locale', ['$delegate', ($locale) => {
      const f = $locale.DATETIME_FORMATS;
      f.DAY = ['日曜日', '月曜日', '火曜日', '水曜日', '木曜日', '金曜日', '土曜日'];
      f.SHORTDAY = ['日', '月', '火', '水', '木', '金', '土'];
      f.STANDALONEMONTH = f.MONTH = ['1月', '2月', '3月', '4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月'];
      f.SHORTMONTH = f.MONTH;
      f.AMPMS = ['午前', '午後'];
      f.FIRSTDAYOFWEEK = 6; // Sunday (AngularJS counts from Monday = 0)
      f.mediumDate = 'y/MM/dd';
      f.shortDate = 'y/MM/dd';
      f.medium = 'y/MM/dd H:mm:ss';
      f.short = 'y/MM/dd H:mm';
      $locale.id = 'ja-jp';
      return $locale;
    }]);
  }]);
}

// ---- 4. Japan time ---------------------------------------------------------------------------------
// The webapps format every date through the camDate filter with moment.js in the browser's zone, and bundle
// no time-zone data (no moment-timezone). Japan has kept UTC+9 without daylight saving since 1951, so the
// filter gets the instant shifted by the difference between the browser's offset and +9 hours: moment then
// prints Tokyo's wall clock. Only display is affected; dates the operator picks (due date) stay in the
// browser's zone (docs/operations.md).
const TOKYO_OFFSET_MINUTES = 9 * 60;

function toTokyoWallClock(value) {
  let date;
  if (value instanceof Date) date = value;
  else if (typeof value === 'number') date = new Date(value);
  else if (typeof value === 'string') date = new Date(value.replace(/([+-]\d\d)(\d\d)$/, '$1:$2'));
  else return value;
  if (isNaN(date.getTime())) return value;
  return new Date(date.getTime() + (TOKYO_OFFSET_MINUTES + date.getTimezoneOffset()) * 60000);
}

function tokyoDates() {
  const angular = window.angular;
  if (!angular || !angular.module) return;
  angular.module('ng').config(['$provide', ($provide) => {
    $provide.decorator('$filter', ['$delegate', ($filter) => {
      const decorated = (name) => {
        const filter = $filter(name);
        if (name !== 'camDate' || filter.cartflowTokyo) return filter;
        const tokyo = function (value, ...rest) {
          return filter.call(this, value ? toTokyoWallClock(value) : value, ...rest);
        };
        tokyo.$stateful = filter.$stateful;
        tokyo.cartflowTokyo = true;
        return tokyo;
      };
      return decorated;
    }]);
  }]);
}

function tokyoFooter() {
  const footer = document.getElementById('footer-timezone');
  const text = ja ? '日時は日本時間 (Asia/Tokyo) で表示しています' : 'Dates and times are shown in Japan time (Asia/Tokyo)';
  if (footer && footer.textContent.trim() !== text) footer.textContent = text;
}

try { tokyoDates(); } catch (e) { /* without it, times show in the browser's zone, as the footer then says */ }

if (ja) {
  try { japaneseAngularLocale(); } catch (e) { /* the webapp works without it, in English calendar names */ }
}

const observer = new MutationObserver(() => {
  addLanguageSwitch();
  tokyoFooter();
  stripSubmitPrefix(document.body);
  if (ja) {
    translateFormErrors(document.body);
    translateFormPlaceholders(document.body);
  }
});
observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
addLanguageSwitch();

export default {};
