// The operator pages that only say something: the pages are off, not found, bad request.
import { PageLayout } from './page-layout';

/** /ops when ADMIN_TOKEN is unset: how to turn the pages on, instead of a bare 404. */
export function OperatorPagesOffPage() {
  return (
    <PageLayout title="Operator pages are off" signedIn={false}>
      <h1>Operator pages are off</h1>
      <p>
        The operator pages need an admin token. Set <code>ADMIN_TOKEN</code> in the server&apos;s
        environment (at least 16 characters; a long random value, e.g.{' '}
        <code>openssl rand -hex 32</code>), restart the server, and sign in here with that token.
      </p>
      <p>See docs/operations.md, &quot;The operator page&quot;.</p>
    </PageLayout>
  );
}

/** A heading and one sentence, for a 404 or a 400 met while signed in. */
export function MessagePage({ heading, message }: { heading: string; message: string }) {
  return (
    <PageLayout title={heading} signedIn>
      <h1>{heading}</h1>
      <p>{message}</p>
    </PageLayout>
  );
}
