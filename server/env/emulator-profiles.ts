// The names of the emulator's profiles (EMULATOR_PROFILE, --profile): here, outside emulator/, so that
// reading the env loads no emulator; what each profile changes is in server/emulator/settings.ts.
export const EMULATOR_PROFILES = ['sandbox', 'strict'] as const;
export type EmulatorProfile = (typeof EMULATOR_PROFILES)[number];
