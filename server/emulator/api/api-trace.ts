// What one API call leaves for the inspector besides its answer: which app and order it named, the MAC
// check over the exact signed string, and plain-words hints. Handlers fill it in as they go.
import type { MacCheck } from '../admin/request-log';

export interface ApiTrace {
  /** Where the parameters came from: a JSON body, a form body, or only the query string. */
  bodyFormat: 'json' | 'form' | 'none';
  appId: number | null;
  appTransId: string | null;
  mac: MacCheck | null;
  hints: string[];
}

export function newApiTrace(bodyFormat: ApiTrace['bodyFormat']): ApiTrace {
  return { bodyFormat, appId: null, appTransId: null, mac: null, hints: [] };
}
