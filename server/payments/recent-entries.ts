// A Map that keeps only its most recently used entries: the bounded memory of the status reader (the
// PAID orders it has read, the times it last asked ZaloPay about an order).

export interface RecentEntries<Key, Value> {
  /** The value, now the most recently used; undefined if absent. */
  get(key: Key): Value | undefined;
  /** Stores the value as the most recently used, forgetting the least recently used past capacity. */
  set(key: Key, value: Value): void;
}

export function createRecentEntries<Key, Value>(capacity: number): RecentEntries<Key, Value> {
  // A Map iterates in insertion order: re-inserting on every use makes the first key the least recent.
  const entries = new Map<Key, Value>();
  return {
    get(key) {
      const value = entries.get(key);
      if (value !== undefined) {
        entries.delete(key);
        entries.set(key, value);
      }
      return value;
    },
    set(key, value) {
      entries.delete(key);
      entries.set(key, value);
      if (entries.size > capacity) {
        const leastRecent = entries.keys().next().value;
        if (leastRecent !== undefined) entries.delete(leastRecent);
      }
    },
  };
}
