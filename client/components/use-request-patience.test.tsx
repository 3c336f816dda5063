import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useRequestPatience } from './use-request-patience';

describe('useRequestPatience', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('says "still working" after 3 s and gives up after 8 s', () => {
    const { result } = renderHook(() => useRequestPatience(1));
    expect(result.current).toBe('waiting');
    act(() => {
      vi.advanceTimersByTime(2_999);
    });
    expect(result.current).toBe('waiting');
    act(() => {
      vi.advanceTimersByTime(1);
    });
    expect(result.current).toBe('still_working');
    act(() => {
      vi.advanceTimersByTime(5_000);
    });
    expect(result.current).toBe('gave_up');
  });

  it('starts again with the next request, even while the first still hangs', () => {
    const { result, rerender } = renderHook(({ startedAt }) => useRequestPatience(startedAt), {
      initialProps: { startedAt: 1 as number | null },
    });
    act(() => {
      vi.advanceTimersByTime(9_000);
    });
    expect(result.current).toBe('gave_up');
    rerender({ startedAt: 2 });
    expect(result.current).toBe('waiting');
    act(() => {
      vi.advanceTimersByTime(3_000);
    });
    expect(result.current).toBe('still_working');
    rerender({ startedAt: null });
    expect(result.current).toBe('waiting');
  });
});
