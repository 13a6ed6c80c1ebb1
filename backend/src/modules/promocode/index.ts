import { Module } from "@medusajs/framework/utils"
import PromocodeModuleService from "./service"

export const PROMOCODE_MODULE = "promocode"

export default Module(PROMOCODE_MODULE, {
  service: PromocodeModuleService,
})

// What routes, workflows and the error handler need besides the service.
export * from "./lib/errors"
export { normalizeCode, tryNormalizeCode, MAX_CODE_LENGTH } from "./lib/code"
export { computeDiscount } from "./lib/discount"
export type { DiscountBreakdown } from "./lib/discount"
export { checkRules, promocodeStatus, PROMOCODE_STATUSES } from "./lib/rules"
export type { PromocodeStatus } from "./lib/rules"
export {
  generateCodes,
  CODE_ALPHABET,
  MIN_RANDOM_LENGTH,
  MAX_RANDOM_LENGTH,
  DEFAULT_RANDOM_LENGTH,
} from "./lib/generator"
export { BATCH_STALE_MS } from "./lib/batch-stale"
export { EXPORT_COLUMNS } from "./lib/export"
export type { ExportPage, ExportPageInput } from "./lib/export"
export { SEARCH_ORDER_FIELDS } from "./lib/queries"
export {
  JOURNAL_ACTIONS,
  PROMOCODE_DURATIONS,
  PROMOCODE_TYPES,
  PROMOCODE_TYPE_VALUES,
  RULE_KEYS,
  USAGE_STATUSES,
} from "./lib/definition"
export type {
  CreatePromocodeInput,
  UpdatePromocodeInput,
  PromocodeRulesInput,
} from "./lib/definition"
export type { JournalAction, PromocodeDuration, RuleKey, UsageStatus } from "./lib/definition"
export type { PromocodeType, PromocodeRuleFields } from "./lib/types"
export type * from "./types"
export { DEFAULT_RESERVATION_TTL_MS, GENERATION_CHUNK_SIZE } from "./service"
export type { default as PromocodeModuleService } from "./service"
