// A path no page has (client/shared/page-path.ts): the server answers it 404, and this says so in the shopper's
// language with the way back to the shop, instead of showing the shop at a wrong address.
import { useEffect } from 'react';
import { useI18n } from '../i18n/language-context';

export function NotFoundPage() {
  const { messages } = useI18n();
  useEffect(() => {
    const before = document.title;
    document.title = before
      ? `${messages.pageNotFoundHeading} · ${before}`
      : messages.pageNotFoundHeading;
    return () => {
      document.title = before;
    };
  }, [messages.pageNotFoundHeading]);
  return (
    <section className="not-found">
      <h1>{messages.pageNotFoundHeading}</h1>
      <p>{messages.pageNotFoundText}</p>
      <p>
        <a className="button-link" href="/">
          {messages.backToShop}
        </a>
      </p>
    </section>
  );
}
