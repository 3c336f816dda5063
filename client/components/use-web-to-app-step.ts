// Loads the Web-to-App step (QR code, countdown, live status) as its own chunk, fetched when the shopper
// presses Pay, and hands back the component once it is there.
import { chunkLoader } from '../chunk-loader';

const webToAppStepChunk = chunkLoader(() => import('./web-to-app-step'));

/** Starts (or reuses) the chunk download; call it as early as the need is known. */
export const loadWebToAppStep = webToAppStepChunk.load;

/** The WebToAppStep component once its chunk has loaded (at once if it already has), else undefined. */
export function useWebToAppStep(wanted: boolean) {
  return webToAppStepChunk.useChunk(wanted)?.WebToAppStep;
}
