import { SubscriptionRenewals } from "./parts/renewals"

export type {
  CompletePurchaseInput,
  FailPurchaseInput,
  GrantOrExtendInput,
  GrantOrExtendResult,
  GrantPrevious,
  PurchaseDTO,
  RevertGrantResult,
  SubscriptionChange,
  SubscriptionDTO,
  SubscriptionPlanDTO,
} from "./types"

/**
 * Plans, purchases and subscriptions. Besides the generated CRUD
 * (`listPurchases`, `createPurchases`, `listAndCountSubscriptions`, ...):
 * granting access (`grantOrExtend` / `revertGrant`), expiry, and guarded
 * purchase state transitions.
 *
 * Written in parts, each a class the next extends so Medusa's decorators
 * work on every method: `parts/lifecycle.ts` (grants, plan changes, cancel
 * and resume, expiry, purchase states) and `parts/renewals.ts` (the renewal
 * pass's reads and writes).
 */
export default class SubscriptionModuleService extends SubscriptionRenewals {}
