// When code the first screen does not need should be fetched: at the shopper's first tap, click or key
// (they are about to add to the cart or pay), or once the page has been quiet for a moment after loading,
// whichever comes first. Fetching it beside the first render shares a slow phone link with the entry
// script and delays the largest paint (Lighthouse counted about 0.2 s on simulated 4G).
const QUIET_AFTER_LOAD_MS = 2_000;
const FIRST_ACTIONS = ['pointerdown', 'keydown', 'touchstart'] as const;

export function afterFirstPaint(start: () => void): void {
  let started = false;
  const once = () => {
    if (started) return;
    started = true;
    for (const type of FIRST_ACTIONS) window.removeEventListener(type, once, true);
    start();
  };
  for (const type of FIRST_ACTIONS) {
    window.addEventListener(type, once, { capture: true, passive: true });
  }
  const whenQuiet = () => setTimeout(once, QUIET_AFTER_LOAD_MS);
  if (document.readyState === 'complete') whenQuiet();
  else window.addEventListener('load', whenQuiet, { once: true });
}
