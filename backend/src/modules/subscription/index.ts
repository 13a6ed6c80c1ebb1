import { Module } from "@medusajs/framework/utils"
import SubscriptionModuleService from "./service"

export const SUBSCRIPTION_MODULE = "subscription"

export default Module(SUBSCRIPTION_MODULE, {
  service: SubscriptionModuleService,
})

export type * from "./types"
export type { SubscriptionModuleService }
export {
  SUBSCRIPTION_CHANGED,
  SUBSCRIPTION_NOT_ACTIVE,
  SUBSCRIPTION_NOT_CANCELED,
  SUBSCRIPTION_NOT_FOUND,
} from "./lib/lifecycle"
export {
  currencyDigits,
  decidePlanChange,
  PLAN_CHANGES,
  TRIAL_NOT_AVAILABLE,
  unusedCredit,
} from "./lib/plan-change"
export type { Decision, PlanChange, PurchaseHistory, SaleContext, TrialEligibility } from "./lib/plan-change"
export { LIVE_STATUSES, SUBSCRIPTION_STATUSES } from "./models/subscription"
export { SUBSCRIPTION_EVENT_TYPES } from "./models/subscription-event"
export { PURCHASE_KINDS } from "./models/purchase"
export type * from "./renewal-types"
export type { DueCursor, DueRow, RenewalDiscount } from "./lib/renewal"
export {
  afterDecline,
  DEFAULT_RENEWAL_CONCURRENCY,
  DEFAULT_RETRY_DAYS,
  parseRenewalConcurrency,
  parseRetryDays,
} from "./lib/renewal"
export type { RenewalState } from "./lib/renewal"
