// The shop's banner, on every page: its logo, name and tagline (from the shop profile, in the shopper's
// language) and the language switch.
import { useI18n } from '../i18n/language-context';
import { useShopProfile } from '../storefront/shop-profile-context';
import { LanguageSwitch } from './language-switch';

export function SiteHeader() {
  const { language } = useI18n();
  const profile = useShopProfile();
  return (
    <header className="site-header">
      <div>
        <a className="brand" href="/">
          {profile.logoUrl && (
            <img className="brand__logo" src={profile.logoUrl} alt="" width={40} height={40} />
          )}
          {profile.name}
        </a>
        {profile.tagline[language] && <p className="tagline">{profile.tagline[language]}</p>}
      </div>
      <LanguageSwitch />
    </header>
  );
}
