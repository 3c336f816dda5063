// The language picker: a plain labelled <select>, each option written in its own language.
import { useId } from 'react';
import { useI18n } from '../i18n/language-context';
import { isLanguage } from '../i18n/language';

export function LanguageSwitch() {
  const { language, setLanguage, messages } = useI18n();
  const id = useId();
  return (
    <div className="language-switch">
      <label htmlFor={id}>{messages.languageLabel}</label>
      <select
        id={id}
        value={language}
        onChange={(event) => {
          if (isLanguage(event.target.value)) setLanguage(event.target.value);
        }}
      >
        <option value="en" lang="en">
          English
        </option>
        <option value="vi" lang="vi">
          Tiếng Việt
        </option>
      </select>
    </div>
  );
}
