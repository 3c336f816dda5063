// The recovery words (recovery-messages.ts) in the shopper's current language.
import { useI18n } from './language-context';
import { RECOVERY_MESSAGES, type RecoveryMessages } from './recovery-messages';

export function useRecoveryMessages(): RecoveryMessages {
  return RECOVERY_MESSAGES[useI18n().language];
}
