// "Verifying your payment…": the confirmation page's first words, shown while the page's code loads and
// while the server has not yet given a final answer.
import { Announce } from '../a11y/live-announcer';
import { useI18n } from '../i18n/language-context';
import { Spinner } from './spinner';

export function VerifyingNotice() {
  const { messages } = useI18n();
  return (
    <section className="verifying">
      <Announce message={messages.verifyingHeading} />
      <h1>{messages.verifyingHeading}</h1>
      <p className="progress">
        <Spinner />
        {messages.verifyingBody}
      </p>
    </section>
  );
}
