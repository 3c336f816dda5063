// A purely visual busy indicator: the words next to it (and the live region) say what is happening.
export function Spinner() {
  return <span className="spinner" aria-hidden="true" />;
}
