// MERCHANT_RETURN_ORIGINS, checked once at start (server/env/): the origins a merchant order's
// return_url and cancel_url may go to. Empty: orders take no return URL at all (never an open redirect).

/** The comma list as origins (`https://shop.example`), with a problem per entry that is not one. */
export function returnOriginsSetting(
  raw: string | undefined,
  production: boolean,
  problems: string[],
): string[] {
  const origins: string[] = [];
  for (const entry of (raw ?? '').split(',').map((item) => item.trim())) {
    if (entry === '') continue;
    const url = URL.parse(entry);
    if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.origin !== entry) {
      problems.push(
        `MERCHANT_RETURN_ORIGINS: "${entry}" is not an origin (scheme, host and port only, e.g. https://shop.example)`,
      );
    } else if (production && url.protocol !== 'https:') {
      problems.push(`MERCHANT_RETURN_ORIGINS: "${entry}" must be https in production`);
    } else {
      origins.push(entry);
    }
  }
  return origins;
}
