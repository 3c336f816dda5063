// An order's timeline (order-timeline.ts builds it from the ledger): each entry at its Vietnam time,
// changes and alerts marked, each ledger row unfoldable as stored.
import type { TimelineEntry } from '../order-timeline';
import { VietnamTime } from './vietnam-time';

export function TimelineList({ entries }: { entries: TimelineEntry[] }) {
  return (
    <>
      <h2>Timeline</h2>
      <ol className="timeline">
        {entries.map((entry, index) => (
          <li key={index} className={entry.tone}>
            <VietnamTime at={entry.at} /> <strong>{entry.title}</strong>
            {entry.count !== undefined && ` ×${entry.count}`}
            <div>{entry.detail}</div>
            {entry.payload !== null && (
              <details>
                <summary>{entry.count ? 'first ledger row' : 'ledger row'}</summary>
                <pre>{JSON.stringify(entry.payload, null, 2)}</pre>
              </details>
            )}
          </li>
        ))}
      </ol>
    </>
  );
}
