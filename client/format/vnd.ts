// Formats integer VND amounts the way each language expects: "125.000 ₫" in Vietnamese, "₫125,000" in English.
// VND has no minor unit in practice, so fractions are never shown.
import type { Language } from '../i18n/language';

const formatters: Record<Language, Intl.NumberFormat> = {
  vi: new Intl.NumberFormat('vi-VN', {
    style: 'currency',
    currency: 'VND',
    maximumFractionDigits: 0,
  }),
  en: new Intl.NumberFormat('en-US', {
    style: 'currency',
    currency: 'VND',
    maximumFractionDigits: 0,
  }),
};

export function formatVnd(amount: number, language: Language): string {
  return formatters[language].format(amount);
}
