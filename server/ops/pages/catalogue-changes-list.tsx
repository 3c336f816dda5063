// The audit record on the Products, product and Shop pages: each change with its time, its author (the
// operator session, the CLI, the API) and what changed, field by field.
import type { CatalogueChange } from '../../../db/schema';
import { VietnamTime } from './vietnam-time';

function shown(value: unknown): string {
  return value === null || value === undefined || value === '' ? '(none)' : String(value);
}

/** `unit_price: 30000 → 32000`, for each field whose value differs. */
export function changedFields(before: unknown, after: unknown): string[] {
  const was = (before ?? {}) as Record<string, unknown>;
  const now = (after ?? {}) as Record<string, unknown>;
  const fields = [...new Set([...Object.keys(was), ...Object.keys(now)])];
  return fields
    .filter((field) => JSON.stringify(was[field]) !== JSON.stringify(now[field]))
    .map((field) => `${field}: ${shown(was[field])} → ${shown(now[field])}`);
}

export function CatalogueChangesList({ changes }: { changes: CatalogueChange[] }) {
  if (changes.length === 0) return <p>No changes recorded yet.</p>;
  return (
    <ul className="changes">
      {changes.map((change) => (
        <li key={change.id}>
          <VietnamTime at={change.createdAt} /> <strong>{change.action}</strong>{' '}
          <code>{change.subject}</code> by {change.actor}
          {change.before === null ? (
            <div>
              <small>{changedFields({}, change.after).join('; ')}</small>
            </div>
          ) : (
            <div>
              <small>{changedFields(change.before, change.after).join('; ')}</small>
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}
