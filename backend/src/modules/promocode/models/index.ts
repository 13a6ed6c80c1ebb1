export { Promocode, PROMOCODE_TYPES } from "./promocode"
export { PromocodeUsage, USAGE_STATUSES } from "./promocode-usage"
export { PromocodeJournal, JOURNAL_ACTIONS } from "./promocode-journal"
export { PromocodeBatch, BATCH_STATUSES } from "./promocode-batch"
