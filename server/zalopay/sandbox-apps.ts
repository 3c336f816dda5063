// The merchant apps the emulator knows: ZaloPay's two published sandbox apps (docs/zalopay-protocol.md §9.1),
// built in so that a fresh checkout talks to the emulator with no configuration at all.

export interface SandboxApp {
  appId: number;
  /** Signs merchant -> ZaloPay requests (create, query, refund, bank list). */
  key1: string;
  /** Signs ZaloPay -> merchant messages (callback `mac`, redirect `checksum`). */
  key2: string;
  /** The title and heading of its gateway page ("Thanh toán cho <name>"); EMULATOR_APPS `name` sets it. */
  name: string;
  /** The app's default callback URL, as set in the Merchant Portal; an order's `callback_url` overrides it. */
  callbackUrl?: string;
  /** The app's default redirect URL; an order's `embed_data.redirecturl` overrides it. */
  redirectUrl?: string;
  /** Whether create answers with an EMVCo `qr_code` (VietQR enabled for the app). */
  issueQrCode?: boolean;
  /** Whether create answers with a `cashier_order_url` (seen for 2553 in 2026, absent for 2554). */
  cashierOrderUrl?: boolean;
}

/**
 * App 2553 answers with a `qr_code` and a `cashier_order_url` in real 2026 sandbox traffic and 2554
 * with neither (docs/zalopay-protocol.md §3.6), so the built-ins copy that difference. Neither has a default
 * callback or redirect URL here: the real ones point at someone else's servers. EMULATOR_APPS can
 * replace either with one that has them (docs/emulator.md).
 */
export const PUBLIC_SANDBOX_APPS: readonly SandboxApp[] = [
  {
    appId: 2553,
    key1: 'PcY4iZIKFCIdgZvA6ueMcMHHUbRLYjPL',
    key2: 'kLtgPl8HHhfvMuDHPwKfgfsY4Ydm9eIz',
    name: 'Cửa hàng demo 2553',
    issueQrCode: true,
    cashierOrderUrl: true,
  },
  {
    appId: 2554,
    key1: 'sdngKKJmqEMzvh5QQcdD2A9XBSKUNaYn',
    key2: 'trMrHtvjo6myautxDUiAcYsVtaeQ8nhf',
    name: 'Cửa hàng demo 2554',
    issueQrCode: false,
    cashierOrderUrl: false,
  },
];
