import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { ja } from './ja';

export type Lang = 'en' | 'ja';
const KEY = 'uketsuke.lang';

function initialLang(): Lang {
  const saved = localStorage.getItem(KEY);
  if (saved === 'en' || saved === 'ja') return saved;
  return navigator.language.startsWith('ja') ? 'ja' : 'en';
}

void i18next.use(initReactI18next).init({
  resources: { en: { translation: en }, ja: { translation: ja } },
  lng: initialLang(),
  fallbackLng: 'en',
  // React escapes output itself; i18next must not double-escape names like "O'Sullivan".
  interpolation: { escapeValue: false },
  returnNull: false,
});
document.documentElement.lang = i18next.language;

export function setLang(lang: Lang, persist = true): void {
  void i18next.changeLanguage(lang);
  document.documentElement.lang = lang;
  if (persist) localStorage.setItem(KEY, lang);
}

export default i18next;
