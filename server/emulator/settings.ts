// Every behaviour of the real gateway that docs/zalopay-protocol.md marks [UNCONFIRMED] is a knob here, with the
// behaviour the public evidence points to as its default (docs/emulator.md names the evidence), and a
// strict profile for teams that want the emulator to refuse what the real sandbox may let through.
import { z } from 'zod';
import type { EmulatorProfile } from '../env/emulator-profiles';

const messagesSchema = z.object({
  /** `return_message` and `sub_return_message` of a success (§3.6, §4.2). */
  success: z.string(),
  /** `return_message` of every `return_code: 2` answer (§3.7). */
  failed: z.string(),
  /** `return_message` and `sub_return_message` of a `return_code: 3` answer (§4.2 suggestion). */
  processing: z.string(),
  /** `sub_return_message` for each negative sub code, keyed by the code as a string ("-401"). */
  subCodes: z.record(z.string(), z.string()),
});

export const emulatorSettingsSchema = z.object({
  messages: messagesSchema,
  /** The `return_code` that carries gateway-level sub codes (-401, -402, -429, -500): 2 in real traffic (§3.7). */
  errorReturnCode: z.int(),
  /** `sub_return_code` sent with `return_code: 3` by query. Not documented. */
  pendingSubReturnCode: z.int(),

  /**
   * Which `yymmdd` prefixes of `app_trans_id` create accepts (§3.5): only today's date in Vietnam, the
   * date of this moment in any time zone (UTC-12 to UTC+14: a server that uses its local or UTC date),
   * or anything.
   */
  datePrefixCheck: z.enum(['vietnam', 'any_time_zone', 'off']),
  datePrefixSubReturnCode: z.int(),
  /**
   * Where a stale `app_time` (more than `appTimeToleranceMs` from the emulator clock) is refused: at
   * create (-401), at payment (the gateway says the payment period is invalid), or nowhere.
   */
  appTimeCheck: z.enum(['at_create', 'at_payment', 'off']),
  appTimeToleranceMs: z.int().nonnegative(),
  appTimeSubReturnCode: z.int(),
  /** Use a top-level `redirect_url` of create when `embed_data.redirecturl` is absent (the SDK's field). */
  honourTopLevelRedirectUrl: z.boolean(),
  /** Accept MACs in uppercase hex too. The gateway's behaviour is unknown; lowercase only by default (§2). */
  macCaseInsensitive: z.boolean(),
  /** When `item` / `embed_data` arrive as JSON arrays/objects, re-serialise them with JSON.stringify (§3.1) instead of -401. */
  reserializeObjectFields: z.boolean(),
  /**
   * Longest `app_trans_id` accepted by create, query and cancel (§3.5). The docs say 40; a real redirect
   * shows a 43-character id paid. null: up to 256 characters, with a hint above 40.
   */
  appTransIdMaxLength: z.int().min(1).max(256).nullable(),
  /**
   * `item` that is not a JSON array (the SDK fixture's `"item"`) and a `callback_url` that is not an
   * http(s) URL (a quickstart's placeholder): refused with -401 (`refuse`), or accepted with a hint.
   */
  placeholderFields: z.enum(['refuse', 'accept']),
  /** Smallest and largest accepted `amount` (VND). Not documented; null means no upper limit. */
  minAmount: z.int().positive(),
  maxAmount: z.int().positive().nullable(),
  /** Whether an order's lifetime starts at its `app_time` or at the moment the emulator received it (§13.2). */
  expiryBase: z.enum(['app_time', 'receive_time']),

  /** Orders can be queried for this long after creation (§4.3: 48 h)... */
  queryWindowMs: z.int().positive(),
  /** ...after which query answers `return_code 2` with this sub code (-54 or -101). */
  queryAfterWindowSubReturnCode: z.int(),

  /** Retries after the first callback delivery, at most (§5.4: "at most 3 times"). */
  callbackMaxRetries: z.int().min(0).max(10),
  callbackRetryIntervalMs: z.int().nonnegative(),
  /** How long one delivery may take before it counts as failed. */
  callbackTimeoutMs: z.int().positive(),
  /** A merchant reply counts as done only with an HTTP 2xx status as well as `return_code: 1`. */
  callbackRequire2xx: z.boolean(),
  /** Whether a merchant reply of `return_code: 2` stops the retries (§5.4: sources conflict). */
  treatReply2AsDone: z.boolean(),
  /** Whether the v001 reply field `returncode` counts like `return_code` (ZaloPay's C# demo answers it). */
  acceptLegacyReturncode: z.boolean(),
  /** The first callback delivery finishes before the browser is redirected; false: redirect first. */
  callbackBeforeRedirect: z.boolean(),
  /** Include `zp_user_id` in the callback data, as every 2024-2026 callback does (§5.3). */
  includeZpUserId: z.boolean(),
  /** `merchant_user_id` (and `zp_user_id`) of the sandbox shopper who pays with the wallet. */
  payerMerchantUserId: z.string(),
  /** `merchant_user_id` (and `zp_user_id`) of the sandbox shopper who pays by card (channels 36, 39). */
  cardPayerMerchantUserId: z.string(),
  /** Card payments (channels 36, 39) carry an empty `merchant_user_id` and `zp_user_id`, as in 2023. */
  anonymousCardPayer: z.boolean(),
  /** Write `<`, `>` and `&` in the callback's `data` as `\u003c`, `\u003e`, `\u0026`. */
  callbackEscapeHtml: z.boolean(),

  /** Redirect `status` when the shopper cancels (§6: -49 with pmcid 0). */
  cancelRedirectStatus: z.int(),
  /** Redirect `status` after a declined test card; null keeps the shopper on the gateway page instead. */
  cardFailureRedirectStatus: z.int().nullable(),
  /** Redirect `pmcid` after a declined card; null: the card's channel (36 or 39). */
  cardFailureRedirectPmcid: z.int().nullable(),
  /** Redirect `bankcode` after a declined card; null: the card's bank code (CC or SBI). */
  cardFailureRedirectBankCode: z.string().nullable(),

  /** Issue `qr_code` on create for apps that have it enabled (§3.6). */
  issueQrCode: z.boolean(),

  /** How long an API "timeout" fault holds the response. */
  timeoutFaultMs: z.int().nonnegative(),
  /** How long a "reorder" fault waits for its group of callbacks to fill before releasing them. */
  reorderHoldMs: z.int().nonnegative(),

  /** A refund answers 3 (processing) and becomes a success this long after it was accepted (§13.5). */
  refundProcessingMs: z.int().nonnegative(),
  /** Refund `timestamp` must be within this of the emulator clock, else -13 (§7.1). */
  refundTimestampToleranceMs: z.int().nonnegative(),
  /**
   * Require `m_refund_id` = yymmdd_appid_xxx for the request's app (§7.1), dated today as
   * `datePrefixCheck` says: Vietnam's date (strict) or today's date in any time zone (default).
   */
  strictRefundIdFormat: z.boolean(),

  /** `sub_return_code` (with `return_code 2`) of /v2/cancel for a paid order or one being paid (§7.3). Not documented. */
  cancelPaidSubReturnCode: z.int(),
  /** `sub_return_code` (with `return_code 2`) of /v2/cancel for an unknown `app_trans_id` (§7.3). Not documented. */
  cancelUnknownSubReturnCode: z.int(),
  /** `sub_return_code` (with `return_code 2`) of /v2/query for a cancelled order (§7.3). Not documented. */
  cancelledQuerySubReturnCode: z.int(),
});

export type EmulatorSettings = z.infer<typeof emulatorSettingsSchema>;

/** What PUT /admin/settings and `startEmulator({ settings })` accept: any subset, messages merged key by key. */
export const settingsUpdateSchema = emulatorSettingsSchema
  .extend({ messages: messagesSchema.partial() })
  .partial()
  .strict();
export type EmulatorSettingsUpdate = z.infer<typeof settingsUpdateSchema>;

export function defaultSettings(): EmulatorSettings {
  return {
    messages: {
      success: 'Giao dịch thành công',
      failed: 'Giao dịch thất bại',
      processing: 'Giao dịch đang xử lý',
      subCodes: {
        '-10': 'Giao dịch đã được thanh toán',
        '-13': 'Hết thời hạn hoàn tiền',
        '-14': 'Số tiền hoàn không hợp lệ',
        '-23': 'Mã hoàn tiền đã tồn tại',
        '-24': 'Mã hoàn tiền không đúng định dạng',
        '-25': 'Ngày của mã hoàn tiền không hợp lệ',
        '-26': 'Mã ứng dụng trong mã hoàn tiền không hợp lệ',
        '-54': 'Giao dịch hết hạn',
        '-68': 'Mã giao dịch đã tồn tại',
        '-101': 'Giao dịch không tồn tại',
        '-401': 'Dữ liệu yêu cầu không hợp lệ',
        '-402': 'Chữ ký không hợp lệ',
        '-429': 'Vượt quá giới hạn yêu cầu',
        '-500': 'Lỗi hệ thống',
      },
    },
    errorReturnCode: 2,
    pendingSubReturnCode: 1,
    datePrefixCheck: 'any_time_zone',
    datePrefixSubReturnCode: -401,
    appTimeCheck: 'at_payment',
    appTimeToleranceMs: 15 * 60_000,
    appTimeSubReturnCode: -401,
    honourTopLevelRedirectUrl: true,
    macCaseInsensitive: false,
    reserializeObjectFields: true,
    appTransIdMaxLength: null,
    placeholderFields: 'refuse',
    minAmount: 1,
    maxAmount: null,
    expiryBase: 'app_time',
    queryWindowMs: 48 * 3_600_000,
    queryAfterWindowSubReturnCode: -54,
    callbackMaxRetries: 3,
    callbackRetryIntervalMs: 1000,
    callbackTimeoutMs: 5000,
    callbackRequire2xx: true,
    treatReply2AsDone: false,
    acceptLegacyReturncode: false,
    callbackBeforeRedirect: true,
    includeZpUserId: true,
    payerMerchantUserId: 'Jfy_NT0tHMtLE07x291chQ-7_jlVJzxoGZ2S1rNbGvA',
    cardPayerMerchantUserId: 'DXp3vtfyygtb2_XdP8yFeA',
    anonymousCardPayer: false,
    callbackEscapeHtml: true,
    cancelRedirectStatus: -49,
    cardFailureRedirectStatus: -59,
    cardFailureRedirectPmcid: 38,
    cardFailureRedirectBankCode: '',
    issueQrCode: true,
    timeoutFaultMs: 15_000,
    reorderHoldMs: 2000,
    refundProcessingMs: 1000,
    refundTimestampToleranceMs: 15 * 60_000,
    strictRefundIdFormat: true,
    cancelPaidSubReturnCode: -10,
    cancelUnknownSubReturnCode: -101,
    cancelledQuerySubReturnCode: -54,
  };
}

export type { EmulatorProfile };

/**
 * What a profile changes from the defaults. `sandbox` is the defaults: what the public evidence says
 * the real sandbox does. `strict` refuses at create what the real sandbox is not known to refuse there.
 */
export function profileSettings(profile: EmulatorProfile): EmulatorSettingsUpdate {
  if (profile === 'sandbox') return {};
  return {
    datePrefixCheck: 'vietnam',
    appTimeCheck: 'at_create',
    appTransIdMaxLength: 40,
    placeholderFields: 'refuse',
  };
}

/** Applies an update in place, so every part of a running emulator sees the change at once. */
export function applySettingsUpdate(
  settings: EmulatorSettings,
  update: EmulatorSettingsUpdate,
): void {
  const { messages, ...rest } = update;
  Object.assign(settings, rest);
  if (messages) {
    const { subCodes, ...texts } = messages;
    Object.assign(settings.messages, texts);
    if (subCodes) Object.assign(settings.messages.subCodes, subCodes);
  }
}

/** The `sub_return_message` for a code, or the generic failure message when none is configured. */
export function subCodeMessage(settings: EmulatorSettings, subCode: number): string {
  return settings.messages.subCodes[String(subCode)] ?? settings.messages.failed;
}
