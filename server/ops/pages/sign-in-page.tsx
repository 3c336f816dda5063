// /ops/sign-in: the one form that takes ADMIN_TOKEN (routes/sign-in-routes.ts opens a session from it).
import { PageLayout } from './page-layout';

export function SignInPage({ error }: { error?: string | undefined }) {
  return (
    <PageLayout title="Sign in" signedIn={false}>
      <h1>Operator sign-in</h1>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <form method="post" action="/ops/sign-in" className="inline">
        <label>
          Admin token{' '}
          <input type="password" name="token" autoComplete="current-password" required />
        </label>
        <button type="submit">Sign in</button>
      </form>
    </PageLayout>
  );
}
