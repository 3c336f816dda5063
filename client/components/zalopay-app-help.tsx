// Under the phone's hand-off to ZaloPay: what to do when the ZaloPay app does not open (not installed, or
// an in-app browser that blocks it): copy the payment link, or get the app from the stores.
import { useRecoveryMessages } from '../i18n/use-recovery-messages';
import { CopyButton } from './copy-button';

/** ZaloPay's listings (Google Play package vn.com.vng.zalopay; App Store id 1112407590). */
const APP_STORE_URL = 'https://apps.apple.com/vn/app/id1112407590';
const GOOGLE_PLAY_URL = 'https://play.google.com/store/apps/details?id=vn.com.vng.zalopay';

export function ZaloPayAppHelp({ orderUrl }: { orderUrl: string }) {
  const recovery = useRecoveryMessages();
  return (
    <section className="app-help" aria-labelledby="app-help-heading">
      <h3 id="app-help-heading">{recovery.appHelpHeading}</h3>
      <p>{recovery.appHelpBody}</p>
      <p>
        <CopyButton
          value={orderUrl}
          label={recovery.copyPaymentLink}
          copiedMessage={recovery.paymentLinkCopied}
          showLabel
        />
      </p>
      <ul className="app-help__stores">
        <li>
          <a href={APP_STORE_URL} rel="noopener noreferrer">
            {recovery.appStore}
          </a>
        </li>
        <li>
          <a href={GOOGLE_PLAY_URL} rel="noopener noreferrer">
            {recovery.googlePlay}
          </a>
        </li>
      </ul>
    </section>
  );
}
