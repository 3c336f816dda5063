// "Pay again" for an order whose attempt expired or failed, outside the checkout (the confirmation page):
// asks the server for the order's next attempt (same order, same amount) and goes on as the checkout does,
// a phone straight to ZaloPay, a desktop to the order's page with the new QR code.
import { useMutation } from '@tanstack/react-query';
import { Announce } from '../a11y/live-announcer';
import { detectDeviceMode } from '../device-mode';
import { useRecoveryMessages } from '../i18n/use-recovery-messages';
import { checkoutPath } from '../shared/page-path';
import { useTRPC } from '../trpc';

interface PayAgainButtonProps {
  orderId: string;
  /** Leaves the page; defaults to window.location.assign. */
  go?: (url: string) => void;
}

function goInThisTab(url: string) {
  window.location.assign(url);
}

export function PayAgainButton({ orderId, go = goInThisTab }: PayAgainButtonProps) {
  const recovery = useRecoveryMessages();
  const trpc = useTRPC();
  const createPayment = useMutation(
    trpc.createPayment.mutationOptions({
      onSuccess: (view) => {
        const toZaloPay = detectDeviceMode() === 'redirect' && view.orderUrl;
        go(toZaloPay ? (view.orderUrl as string) : checkoutPath(orderId));
      },
      onError: (error) => {
        if (error.data?.code === 'CONFLICT') go(checkoutPath(orderId));
      },
    }),
  );
  const failed = createPayment.isError && createPayment.error.data?.code !== 'CONFLICT';
  return (
    <>
      <button
        type="button"
        className="pay-button"
        disabled={createPayment.isPending}
        onClick={() => createPayment.mutate({ orderId })}
      >
        {recovery.payAgain}
      </button>
      {failed && (
        <p className="error-text">
          <Announce message={recovery.payAgainFailed} />
          {recovery.payAgainFailed}
        </p>
      )}
    </>
  );
}
