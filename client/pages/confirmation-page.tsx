// Where ZaloPay sends the shopper back (/order/confirmation?apptransid=…&status=…). The query string can be
// forged, so this page reads only the order reference, never `status` by itself: it asks our server, shows
// "Verifying…" meanwhile, and keeps watching a PENDING order for a while before saying it is still processing.
// It also hands the whole query to the server (reportRedirect), which logs it and verifies its checksum.
// A verified non-success (declined, cancelled…) lets a still-PENDING order read "Payment not completed" at
// once, with ways to pay on, while the page keeps listening; nothing in the URL can make the page show
// success. A verified PAID shows the merchant order's receipt, as the checkout does, and always wins.
import { useEffect, useRef, useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { isNotFound } from '../api-error';
import { Notice } from '../components/notice';
import { PaidOrderReceipt } from '../components/paid-order-receipt';
import { PayAgainButton } from '../components/pay-again-button';
import { PaymentNotCompleted } from '../components/payment-not-completed';
import { PaymentOutcome } from '../components/payment-outcome';
import { VerifyingNotice } from '../components/verifying-notice';
import { useOrderMessages } from '../i18n/order-messages';
import { useLivePayment } from '../live-status/use-live-payment';
import { redirectQuery } from '../redirect/redirect-query';
import { redirectReason } from '../redirect/verified-redirect-status';
import { useTRPC } from '../trpc';

/** ZaloPay's callback normally lands within seconds of the redirect; after this the page says so. */
const DEFAULT_WATCH_LIMIT_MS = 30_000;

interface ConfirmationPageProps {
  /** window.location.search */
  search: string;
  pollIntervalMs?: number;
  /** How long a PENDING order is watched before the page says "Still processing". */
  watchLimitMs?: number;
}

export function ConfirmationPage({
  search,
  pollIntervalMs,
  watchLimitMs = DEFAULT_WATCH_LIMIT_MS,
}: ConfirmationPageProps) {
  const messages = useOrderMessages();
  const appTransId = new URLSearchParams(search).get('apptransid')?.trim();

  if (!appTransId) {
    return (
      <Notice heading={messages.missingReferenceHeading} body={messages.missingReferenceBody} />
    );
  }
  return (
    <VerifiedResult
      key={appTransId}
      appTransId={appTransId}
      search={search}
      pollIntervalMs={pollIntervalMs}
      watchLimitMs={watchLimitMs}
    />
  );
}

interface VerifiedResultProps {
  appTransId: string;
  search: string;
  pollIntervalMs: number | undefined;
  watchLimitMs: number;
}

function VerifiedResult({ appTransId, search, pollIntervalMs, watchLimitMs }: VerifiedResultProps) {
  const messages = useOrderMessages();
  const trpc = useTRPC();
  const { mutate: report, data: redirectHint } = useMutation(trpc.reportRedirect.mutationOptions());
  const reported = useRef(false);
  useEffect(() => {
    if (reported.current) return;
    reported.current = true;
    report({ query: redirectQuery(search) });
  }, [report, search]);
  const notCompleted = redirectReason(redirectHint?.claim, search);

  const [gaveUpWatching, setGaveUpWatching] = useState(false);
  const live = useLivePayment(appTransId, {
    watching: !gaveUpWatching || notCompleted !== null,
    pollIntervalMs,
  });
  const view = live.view;
  const pending = view?.status === 'PENDING';

  useEffect(() => {
    if (!pending || gaveUpWatching) return;
    const timer = setTimeout(() => setGaveUpWatching(true), watchLimitMs);
    return () => clearTimeout(timer);
  }, [pending, gaveUpWatching, watchLimitMs]);

  function checkAgain() {
    setGaveUpWatching(false);
    live.checkAgain();
  }

  if (live.error) {
    if (isNotFound(live.error)) {
      return <Notice heading={messages.notFoundHeading} body={messages.notFoundBody} />;
    }
    return (
      <Notice heading={messages.verifyFailedHeading} body={messages.verifyFailedBody}>
        <button type="button" onClick={checkAgain}>
          {messages.tryAgain}
        </button>
      </Notice>
    );
  }

  if (view && pending && notCompleted) {
    return <PaymentNotCompleted view={view} reason={notCompleted} />;
  }

  if (!view || (pending && !gaveUpWatching)) {
    return <VerifyingNotice />;
  }

  if (view.status === 'PENDING') {
    return (
      <Notice heading={messages.stillProcessingHeading} body={messages.stillProcessingBody}>
        <button type="button" onClick={checkAgain}>
          {messages.checkAgain}
        </button>
      </Notice>
    );
  }

  if (view.status === 'PAID') {
    return <PaidOrderReceipt payment={view} headingLevel={1} />;
  }

  return (
    <PaymentOutcome
      status={view.status}
      amount={view.amount}
      orderId={view.orderId}
      appTransId={view.appTransId}
      headingLevel={1}
    >
      <PayAgainButton orderId={view.orderId} />
      <a href="/">{messages.backToShop}</a>
    </PaymentOutcome>
  );
}
