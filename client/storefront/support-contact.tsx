// How to reach the shop, from its profile: on the receipt and on the pages of a payment that did not go
// through. Nothing when the merchant gave neither a phone nor an email.
import { useI18n } from '../i18n/language-context';
import { useShopProfile } from './shop-profile-context';

export function SupportContact() {
  const { messages } = useI18n();
  const { supportPhone, supportEmail } = useShopProfile();
  if (!supportPhone && !supportEmail) return null;
  return (
    <p className="support-contact">
      {messages.supportContact}{' '}
      {supportPhone && <a href={`tel:${supportPhone.replace(/[^0-9+]/g, '')}`}>{supportPhone}</a>}
      {supportPhone && supportEmail && ' · '}
      {supportEmail && <a href={`mailto:${supportEmail}`}>{supportEmail}</a>}
    </p>
  );
}
