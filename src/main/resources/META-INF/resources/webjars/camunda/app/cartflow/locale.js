// cartflow: the webapps speak Japanese unless the operator has chosen English (footer link, kept in
// localStorage). The browser's own language list is not consulted on purpose: operators work on
// shop PCs whose browsers often say en-US, and they should still get Japanese.
const KEY = 'cartflow.locale';

export function chosenLocale() {
  try {
    return window.localStorage.getItem(KEY) === 'en' ? 'en' : 'ja';
  } catch (e) {
    return 'ja';
  }
}

// availableLocales holds only the chosen locale: the webapps pick the browser's first language when it
// is listed, so listing both would hand English browsers the English texts.
export function localeSettings() {
  const locale = chosenLocale();
  return { availableLocales: [locale], fallbackLocale: locale };
}

// yyyy/MM/dd everywhere (moment.js formats)
export const dateFormat = {
  monthName: 'M月',
  day: 'D',
  abbr: 'YYYY/MM/DD HH:mm',
  normal: 'YYYY/MM/DD HH:mm',
  long: 'YYYY/MM/DD (ddd) HH:mm',
  short: 'YYYY/MM/DD'
};

export const KEY_NAME = KEY;
