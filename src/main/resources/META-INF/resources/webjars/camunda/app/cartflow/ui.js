// cartflow additions to the Camunda webapps (loaded through customScripts in each app's config.js).
//  1. a language switch in the footer (日本語 / English), kept in localStorage (see locale.js)
//  2. Japanese messages for the checks Camunda Forms (form-js) makes in the browser; form-js has no
//     translation hook, so its English messages are replaced where they appear
//  3. Japanese day and month names for the AngularJS date pickers (Tasklist's due date, Cockpit's filters)
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

if (ja) {
  try { japaneseAngularLocale(); } catch (e) { /* the webapp works without it, in English calendar names */ }
}

const observer = new MutationObserver(() => {
  addLanguageSwitch();
  if (ja) translateFormErrors(document.body);
});
observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
addLanguageSwitch();

export default {};
