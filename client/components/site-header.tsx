// The shop's banner, on every page: its name and the language switch.
import { useI18n } from '../i18n/language-context';
import { LanguageSwitch } from './language-switch';

export function SiteHeader() {
  const { messages } = useI18n();
  return (
    <header className="site-header">
      <div>
        <a className="brand" href="/">
          {messages.shopName}
        </a>
        <p className="tagline">{messages.shopTagline}</p>
      </div>
      <LanguageSwitch />
    </header>
  );
}
