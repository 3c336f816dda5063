// /ops/api-keys: the merchant API keys (name, last four, created, last used, revoked), a form to create
// one (its key shown once, on the answer to that form) and the step that confirms a revocation.
import type { ApiKeySummary, IssuedApiKey } from '../../api-keys/api-keys';
import { MAX_KEY_NAME_CHARS } from '../../api-keys/api-keys';
import { PageLayout } from './page-layout';
import { VietnamTime } from './vietnam-time';

export interface ApiKeysPageModel {
  keys: ApiKeySummary[];
  /** The key just created: the only time it is ever shown. */
  created?: IssuedApiKey | undefined;
  notice?: string | undefined;
  error?: string | undefined;
}

export function ApiKeysPage({ keys, created, notice, error }: ApiKeysPageModel) {
  return (
    <PageLayout title="API keys" signedIn>
      <h1>Merchant API keys</h1>
      <p>
        A shop's server sends its key as <code>Authorization: Bearer &lt;key&gt;</code> to{' '}
        <code>/api/v1</code>. Only a hash of each key is kept: a lost key cannot be shown again,
        only revoked and replaced. Revoking takes effect at once, on every instance.
      </p>
      {created && (
        <section className="notice" aria-labelledby="new-key">
          <h2 id="new-key">{`New key for ${created.name}`}</h2>
          <p>Copy it now and store it in the shop's secrets: it is not shown again.</p>
          <pre>
            <code data-testid="new-api-key">{created.key}</code>
          </pre>
        </section>
      )}
      {notice && <p className="notice">{notice}</p>}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <h2>Create a key</h2>
      <form method="post" action="/ops/api-keys" className="inline">
        <label>
          Name (the shop or system that will use it)
          <input name="name" required maxLength={MAX_KEY_NAME_CHARS} autoComplete="off" />
        </label>
        <button type="submit">Create key</button>
      </form>
      <h2>Keys</h2>
      {keys.length === 0 ? (
        <p>No API keys yet.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>Name</th>
              <th>Key</th>
              <th>Created</th>
              <th>Last used</th>
              <th>Revoked</th>
              <th></th>
            </tr>
          </thead>
          <tbody>
            {keys.map((key) => (
              <tr key={key.id}>
                <td>{key.name}</td>
                <td>
                  <code>{`ck_…${key.lastFour}`}</code>
                </td>
                <td>
                  <VietnamTime at={key.createdAt} />
                </td>
                <td>{key.lastUsedAt ? <VietnamTime at={key.lastUsedAt} /> : 'never'}</td>
                <td>{key.revokedAt ? <VietnamTime at={key.revokedAt} /> : 'no'}</td>
                <td>
                  {!key.revokedAt && (
                    <a href={`/ops/api-keys/${encodeURIComponent(key.id)}/revoke`}>Revoke…</a>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </PageLayout>
  );
}

export function ApiKeyRevokePage({ apiKey }: { apiKey: ApiKeySummary }) {
  const action = `/ops/api-keys/${encodeURIComponent(apiKey.id)}/revoke`;
  return (
    <PageLayout title="Revoke API key" signedIn>
      <h1>{`Revoke the key of ${apiKey.name}?`}</h1>
      <dl>
        <dt>Name</dt>
        <dd>{apiKey.name}</dd>
        <dt>Key</dt>
        <dd>
          <code>{`ck_…${apiKey.lastFour}`}</code>
        </dd>
        <dt>Last used</dt>
        <dd>{apiKey.lastUsedAt ? <VietnamTime at={apiKey.lastUsedAt} /> : 'never'}</dd>
      </dl>
      <p>Every call with this key is refused from now on (401). This cannot be undone.</p>
      <form method="post" action={action} className="inline">
        <button type="submit">Revoke this key</button>
        <a href="/ops/api-keys">Cancel</a>
      </form>
    </PageLayout>
  );
}
