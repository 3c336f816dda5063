// The step between "Revoke" on /ops/sessions and signing that browser out: which session, to confirm or
// cancel. A plain form (the pages run no script), so the question works everywhere.
import type { OperatorSession } from '../../../db/schema';
import { browserWords } from './browser-words';
import { PageLayout } from './page-layout';
import { VietnamTime } from './vietnam-time';

export interface RevokeSessionModel {
  session: OperatorSession;
  /** It is the session asking: revoking it signs this browser out. */
  isCurrent: boolean;
}

export function RevokeSessionPage({ session, isCurrent }: RevokeSessionModel) {
  return (
    <PageLayout title="Revoke session" signedIn>
      <h1>Revoke this session?</h1>
      <dl>
        <dt>Browser</dt>
        <dd title={session.userAgent ?? ''}>{browserWords(session.userAgent)}</dd>
        <dt>Address</dt>
        <dd>{session.remoteAddress ?? ''}</dd>
        <dt>Signed in at</dt>
        <dd>
          <VietnamTime at={session.createdAt} />
        </dd>
      </dl>
      <p>
        {isCurrent
          ? 'This is the browser you are using: revoking it signs you out.'
          : 'That browser is signed out at once; whoever uses it must sign in again with the token.'}
      </p>
      <form
        method="post"
        action={`/ops/sessions/${encodeURIComponent(session.id)}/revoke`}
        className="inline"
      >
        <button type="submit">Revoke session</button>
        <a href="/ops/sessions">Cancel</a>
      </form>
    </PageLayout>
  );
}
