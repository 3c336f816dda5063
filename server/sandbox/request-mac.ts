// Checks a merchant's key1 MAC in constant time, lowercase hex only unless the
// macCaseInsensitive knob is on (whether the gateway accepts uppercase is unknown, zalopay-api.md §2).
import { macMatches } from '../zalopay/mac';
import type { EmulatorSettings } from './settings';

export function requestMacValid(
  settings: EmulatorSettings,
  expectedHex: string,
  received: string,
): boolean {
  return macMatches(expectedHex, settings.macCaseInsensitive ? received.toLowerCase() : received);
}
