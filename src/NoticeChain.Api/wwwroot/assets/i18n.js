// Texts of the citizen page in German (default) and English, and the date formats of each language (de-DE,
// en-GB, always in Europe/Berlin time). A text is a string or a function (params, format) => string; the view
// sets every text with textContent, so nothing from an answer is ever parsed as markup.

import { de } from './i18n-de.js';
import { en } from './i18n-en.js';

const STORAGE_KEY = 'noticechain.lang';
const TIME_ZONE = 'Europe/Berlin';
const LOCALES = { de: 'de-DE', en: 'en-GB' };
const MESSAGES = { de, en };

let current = 'de';

/** The language in use: 'de' or 'en'. */
export function language() {
  return current;
}

/** The language remembered in localStorage, German when none (or storage is blocked). */
export function rememberedLanguage() {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY) === 'en' ? 'en' : 'de';
  } catch {
    return 'de';
  }
}

/** Switches to lang ('de' or 'en') and remembers the choice when remember is true. */
export function setLanguage(lang, remember) {
  current = lang === 'en' ? 'en' : 'de';
  if (remember) {
    try {
      globalThis.localStorage?.setItem(STORAGE_KEY, current);
    } catch {
      // Storage blocked (private mode, policy): the choice lasts for this page only.
    }
  }
}

function formatter(options) {
  return new Intl.DateTimeFormat(LOCALES[current], { timeZone: TIME_ZONE, ...options });
}

/** Date and time formats of the current language, in Berlin time; null or invalid input gives '–'. */
export const format = {
  date(iso) {
    const date = iso ? new Date(iso) : null;
    if (!date || Number.isNaN(date.getTime())) return '–';
    return current === 'de'
      ? formatter({ day: '2-digit', month: '2-digit', year: 'numeric' }).format(date)
      : formatter({ day: 'numeric', month: 'long', year: 'numeric' }).format(date);
  },
  dateTime(iso) {
    const date = iso ? new Date(iso) : null;
    if (!date || Number.isNaN(date.getTime())) return '–';
    return formatter({
      day: '2-digit', month: current === 'de' ? '2-digit' : 'short', year: 'numeric',
      hour: '2-digit', minute: '2-digit', second: '2-digit', timeZoneName: 'short',
    }).format(date);
  },
  number(value) {
    return new Intl.NumberFormat(LOCALES[current]).format(value);
  },
};

/** The text for key in the current language, with params filled in. Unknown keys show as the key itself. */
export function t(key, params = {}) {
  const message = MESSAGES[current][key] ?? MESSAGES.de[key];
  if (message === undefined) return key;
  return typeof message === 'function' ? message(params, format) : message;
}
