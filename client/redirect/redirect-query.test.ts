import { describe, expect, it } from 'vitest';
import { redirectQuery } from './redirect-query';

describe('redirectQuery', () => {
  it('forwards the redirect parameters as they came', () => {
    expect(redirectQuery('?apptransid=260115_a&status=1&checksum=abc')).toEqual({
      apptransid: '260115_a',
      status: '1',
      checksum: 'abc',
    });
  });

  it('stays within what the server accepts: 16 parameters, short names and values', () => {
    const many = Array.from({ length: 30 }, (_, i) => `p${i}=${i}`).join('&');
    expect(Object.keys(redirectQuery(`?${many}`))).toHaveLength(16);
    expect(redirectQuery(`?long=${'x'.repeat(300)}&${'n'.repeat(40)}=1&ok=1`)).toEqual({ ok: '1' });
  });
});
