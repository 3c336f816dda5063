// Test support: what loadEnv refuses in a configuration, and merchant keys that pass its checks (never
// real ones, never the public sandbox's).
import { EnvError, loadEnv } from '../env';

export const MERCHANT_KEYS = {
  ZALOPAY_APP_ID: '99999',
  ZALOPAY_KEY1: 'merchant-key-one-000000000000000',
  ZALOPAY_KEY2: 'merchant-key-two-000000000000000',
  PUBLIC_BASE_URL: 'https://shop.example.vn',
};

/** The problems loadEnv names for this configuration; throws if it accepts it. */
export function problemsOf(source: Record<string, string>): string[] {
  try {
    loadEnv(source);
  } catch (error) {
    if (error instanceof EnvError) return error.problems;
    throw error;
  }
  throw new Error('expected loadEnv to refuse this configuration');
}
