// /ops/sessions: the live operator sessions, each revocable at once (a lost laptop, a colleague who left).
import type { OperatorSession } from '../../../db/schema';
import { browserWords } from './browser-words';
import { PageLayout } from './page-layout';
import { VietnamTime } from './vietnam-time';

export interface SessionsPageModel {
  sessions: OperatorSession[];
  /** The session viewing the page: revoking it signs this browser out. */
  currentId: string;
  /** Set after a revoke: the page says it was done. */
  notice?: string | undefined;
}

export function SessionsPage({ sessions, currentId, notice }: SessionsPageModel) {
  return (
    <PageLayout title="Sessions" signedIn>
      <h1>Operator sessions</h1>
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      <p>
        Every signed-in browser. Revoking one signs it out at once; signing out revokes your own.
      </p>
      <table>
        <thead>
          <tr>
            <th>Signed in at</th>
            <th>Expires at</th>
            <th>Address</th>
            <th>Browser and system</th>
            <th>Action</th>
          </tr>
        </thead>
        <tbody>
          {sessions.map((session) => (
            <tr key={session.id}>
              <td>
                <VietnamTime at={session.createdAt} />
                {session.id === currentId && ' (this one)'}
              </td>
              <td>
                <VietnamTime at={session.expiresAt} />
              </td>
              <td>{session.remoteAddress ?? ''}</td>
              <td title={session.userAgent ?? ''}>{browserWords(session.userAgent)}</td>
              <td>
                <form
                  method="get"
                  action={`/ops/sessions/${encodeURIComponent(session.id)}/revoke`}
                >
                  <button type="submit">Revoke…</button>
                </form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </PageLayout>
  );
}
