// Loopback ports for the end-to-end run, away from the defaults so a running `npm start` does not clash.
export const E2E_APP_PORT = 3100;
export const E2E_EMULATOR_PORT = 3101;
export const E2E_BASE_URL = `http://127.0.0.1:${E2E_APP_PORT}`;
export const E2E_EMULATOR_URL = `http://127.0.0.1:${E2E_EMULATOR_PORT}`;
