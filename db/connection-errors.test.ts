// Which failures count as "the database connection went away" (kept alive) and which do not (crash).
import { describe, expect, it } from 'vitest';
import { isDatabaseConnectionError } from './connection-errors';

describe('isDatabaseConnectionError', () => {
  it.each([
    ['terminated by an administrator', { code: '57P01', severity: 'FATAL' }],
    ['server shutting down', { code: '57P02' }],
    ['server not accepting connections yet', { code: '57P03' }],
    [
      'closed under a query',
      Object.assign(new Error('write CONNECTION_CLOSED'), { code: 'CONNECTION_CLOSED' }),
    ],
    ['reset by peer', Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' })],
    ['a connection exception', { code: '08006' }],
    [
      'wrapped by drizzle and tRPC',
      new Error('tRPC', { cause: new Error('Failed query', { cause: { code: '57P01' } }) }),
    ],
  ])('is true for %s', (_label, reason) => {
    expect(isDatabaseConnectionError(reason)).toBe(true);
  });

  it.each([
    ['a unique violation', { code: '23505' }],
    ['a syntax error', { code: '42601' }],
    ['a plain error', new Error('boom')],
    ['a TypeError', new TypeError("Cannot read properties of null (reading 'write')")],
    ['a string', 'CONNECTION_CLOSED'],
    ['nothing', undefined],
  ])('is false for %s', (_label, reason) => {
    expect(isDatabaseConnectionError(reason)).toBe(false);
  });
});
