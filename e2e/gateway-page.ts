// The emulator's gateway page as the e2e phone drives it: its actions by id, which stay the same in both
// of its languages (Vietnamese by default, English with ?lang=en).
import type { Page } from '@playwright/test';

export function gatewayPage(page: Page) {
  return {
    payWallet: page.locator('#pay-wallet'),
    testCard: page.locator('#card-number'),
    payCard: page.locator('#pay-card'),
    cancel: page.locator('#cancel-payment'),
  };
}
