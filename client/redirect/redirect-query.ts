// The redirect's query string as the server's reportRedirect accepts it (at most 16 parameters, names up
// to 32 and values up to 256 characters). The page forwards it for the server to verify and log; it never
// reads `status` itself.
const MAX_PARAMETERS = 16;
const MAX_NAME_LENGTH = 32;
const MAX_VALUE_LENGTH = 256;

export function redirectQuery(search: string): Record<string, string> {
  const entries = [...new URLSearchParams(search)].filter(
    ([name, value]) => name.length <= MAX_NAME_LENGTH && value.length <= MAX_VALUE_LENGTH,
  );
  return Object.fromEntries(entries.slice(0, MAX_PARAMETERS));
}
