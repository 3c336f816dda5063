// A page's notice (what just happened) and error (why the form was refused), each in its own box.
export function PageMessages({
  notice,
  error,
}: {
  notice?: string | undefined;
  error?: string | undefined;
}) {
  return (
    <>
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}
