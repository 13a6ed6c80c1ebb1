import type { Context } from "@medusajs/framework/types"
import {
  InjectManager,
  InjectTransactionManager,
  MedusaContext,
  MedusaError,
  MedusaService,
} from "@medusajs/framework/utils"
import { applyGrant, undoGrant } from "../lib/grant"
import { forgetEvent } from "../lib/events"
import {
  assertLive,
  lockOne,
  snapshot,
  SUBSCRIPTION_NOT_CANCELED,
  SubscriptionRow,
  writeSnapshot,
  HISTORY_SQL,
  readSaleContext,
} from "../lib/lifecycle"
import { PERIOD_INTERVALS } from "../lib/period"
import { purchaseHistoryOf, type PurchaseHistory, type SaleContext, type TrialEligibility } from "../lib/plan-change"
import {
  ModuleContext,
  lockCustomer,
  runStatement,
  selectRows,
  transactionManager,
} from "../lib/sql"
import { Purchase, Subscription, SubscriptionEvent, SubscriptionPlan } from "../models"
import type { SubscriptionEventType } from "../models/subscription-event"
import { LIVE_STATUSES } from "../models/subscription"
import type {
  CompletePurchaseInput,
  FailPurchaseInput,
  GrantOrExtendInput,
  GrantOrExtendResult,
  GrantPrevious,
  PurchaseDTO,
  RevertGrantResult,
  SubscriptionChange,
  SubscriptionDTO,
  SubscriptionSnapshot,
} from "../types"


export function toDate(value: Date | string | undefined, name: string): Date {
  const date = value === undefined ? new Date() : new Date(value)
  if (Number.isNaN(date.getTime())) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `${name} is not a valid date`
    )
  }
  return date
}

function assertGrantInput(input: GrantOrExtendInput): void {
  const missing = (["customer_id", "product_id", "variant_id"] as const).filter(
    (key) => typeof input[key] !== "string" || !input[key]
  )
  if (missing.length) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `grantOrExtend needs ${missing.join(", ")}`
    )
  }
  if (!PERIOD_INTERVALS.includes(input.interval)) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `interval must be one of ${PERIOD_INTERVALS.join(", ")}`
    )
  }
  if (!Number.isInteger(input.interval_count) || input.interval_count < 1) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      "interval_count must be a positive integer"
    )
  }
  if (
    input.extra_ms !== undefined &&
    (!Number.isInteger(input.extra_ms) || input.extra_ms < 0)
  ) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      "extra_ms must be a non-negative integer"
    )
  }
  const freeDays = input.free_days
  if (
    freeDays !== undefined &&
    freeDays !== null &&
    (!Number.isInteger(freeDays) || freeDays < 1)
  ) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      "free_days must be a positive integer"
    )
  }
}

/**
 * Plans, purchases and subscriptions. Besides the generated CRUD
 * (`listPurchases`, `createPurchases`, `listAndCountSubscriptions`, ...):
 * granting access (`grantOrExtend` / `revertGrant`), expiry, and guarded
 * purchase state transitions.
 * The first part of the module's service (../service.ts is its entry point);
 * renewals are the second (./renewals.ts).
 */
export class SubscriptionLifecycle extends MedusaService({
  SubscriptionPlan,
  Purchase,
  Subscription,
  SubscriptionEvent,
}) {
  /**
   * Applies one purchase to the customer's subscriptions (see lib/grant.ts
   * and README.md), in one transaction holding the per-customer lock
   * (advisory lock + `SELECT ... FOR UPDATE`), so concurrent calls for one
   * customer apply one after another. Returns the subscription, the period
   * paid for, and `previous` for `revertGrant`.
   *
   * Throws INVALID_DATA on bad input, NOT_ALLOWED SUBSCRIPTION_CHANGED when
   * the live subscription is not the one the change was decided on.
   */
  @InjectTransactionManager()
  async grantOrExtend(
    input: GrantOrExtendInput,
    @MedusaContext() sharedContext: ModuleContext = {}
  ): Promise<GrantOrExtendResult> {
    assertGrantInput(input)
    const now = toDate(input.now, "now")
    const { subscription_id, previous, period } = await applyGrant(
      transactionManager(sharedContext),
      input,
      now
    )
    const subscription = await this.retrieveSubscription(subscription_id, {}, sharedContext)
    return { subscription, previous, period }
  }

  /**
   * Undoes exactly one `grantOrExtend`, under the same lock: a created
   * subscription is deleted, an extended or upgraded one gets every field
   * back, lapsed ones it ended get their status back. Idempotent: it acts only
   * while the subscription still has the end the grant gave it.
   */
  @InjectTransactionManager()
  async revertGrant(
    previous: GrantPrevious,
    @MedusaContext() sharedContext: ModuleContext = {}
  ): Promise<RevertGrantResult> {
    if (!previous?.subscription_id || !previous.customer_id) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "revertGrant needs a grant's previous state")
    }
    return { reverted: await undoGrant(transactionManager(sharedContext), previous) }
  }

  /**
   * Schedules the customer's live subscription to switch to `variant_id` at
   * its period end (null clears the schedule); a second call replaces the
   * first. `subscription_id` is the subscription the change was decided on.
   */
  @InjectTransactionManager()
  async schedulePlanChange(
    input: { customer_id: string; subscription_id: string; variant_id: string | null; now?: Date | string },
    @MedusaContext() sharedContext: ModuleContext = {}
  ): Promise<SubscriptionChange> {
    return await this.changeLive_(
      input.subscription_id,
      input.customer_id,
      input.now,
      sharedContext,
      () => ({ pending_variant_id: input.variant_id, cancel_at_period_end: false, canceled_at: null }),
      { type: "plan_change_scheduled", data: { variant_id: input.variant_id } }
    )
  }

  /**
   * The customer cancels: access lasts to the period end, then the
   * subscription is `canceled`. Cancelling twice changes nothing more.
   * NOT_FOUND for another customer's, NOT_ALLOWED SUBSCRIPTION_NOT_ACTIVE
   * once ended.
   */
  @InjectTransactionManager()
  async cancelAtPeriodEnd(
    id: string,
    options: { customer_id?: string | null; now?: Date | string } = {},
    @MedusaContext() sharedContext: ModuleContext = {}
  ): Promise<SubscriptionChange> {
    const now = toDate(options.now, "now")
    return await this.changeLive_(
      id,
      options.customer_id,
      now,
      sharedContext,
      (row) => ({ cancel_at_period_end: true, canceled_at: (row.canceled_at ?? now).toISOString() }),
      { type: "canceled" }
    )
  }

  /** Undoes a cancel at the period end; NOT_ALLOWED SUBSCRIPTION_NOT_CANCELED if none. */
  @InjectTransactionManager()
  async resume(
    id: string,
    options: { customer_id?: string | null; now?: Date | string } = {},
    @MedusaContext() sharedContext: ModuleContext = {}
  ): Promise<SubscriptionChange> {
    return await this.changeLive_(id, options.customer_id, options.now, sharedContext, (row) => {
      if (!row.cancel_at_period_end) {
        throw new MedusaError(
          MedusaError.Types.NOT_ALLOWED,
          `Subscription ${id} is not cancelled`,
          SUBSCRIPTION_NOT_CANCELED
        )
      }
      return { cancel_at_period_end: false, canceled_at: null }
    }, { type: "resumed" })
  }

  /** Ends a live subscription now (`canceled`); `before` has what it was, for a refund or an undo. */
  @InjectTransactionManager()
  async cancelNow(
    id: string,
    options: { now?: Date | string } = {},
    @MedusaContext() sharedContext: ModuleContext = {}
  ): Promise<SubscriptionChange> {
    const now = toDate(options.now, "now")
    return await this.changeLive_(
      id,
      null,
      now,
      sharedContext,
      () => ({
        status: "canceled",
        ends_at: now.toISOString(),
        cancel_at_period_end: false,
        canceled_at: now.toISOString(),
        pending_variant_id: null,
      }),
      { type: "canceled_now" }
    )
  }

  /**
   * Writes a subscription back as `before` was (the compensation of the
   * changes above), and removes the event the change recorded.
   */
  @InjectTransactionManager()
  async restoreSubscription(
    before: SubscriptionSnapshot,
    @MedusaContext() sharedContext: ModuleContext = {}
  ): Promise<void> {
    const manager = transactionManager(sharedContext)
    await writeSnapshot(manager, before)
    await forgetEvent(manager, before)
  }

  /**
   * Ends every live subscription whose `ends_at` <= `now`: `canceled` when
   * it was cancelled, else `expired`. Returns how many it changed.
   */
  @InjectTransactionManager()
  async expireEnded(
    now?: Date | string,
    @MedusaContext() sharedContext: ModuleContext = {}
  ): Promise<number> {
    const at = toDate(now, "now")
    return await runStatement(
      transactionManager(sharedContext),
      `UPDATE subscription
          SET status = CASE WHEN cancel_at_period_end THEN 'canceled' ELSE 'expired' END,
              updated_at = now()
        WHERE status IN ('trialing', 'active', 'past_due') AND ends_at <= ? AND deleted_at IS NULL`,
      [at]
    )
  }

  /**
   * Whether the customer may take the Trial: once per customer, and never
   * after a paid subscription. Any completed purchase counts: a Trial
   * (`trial_used`) or a paid plan (`paid_subscription`).
   */
  @InjectManager()
  async trialEligibility(
    customerId: string,
    @MedusaContext() sharedContext: ModuleContext = {}
  ): Promise<TrialEligibility> {
    return (await this.purchaseHistory(customerId, sharedContext)).trial
  }

  /** Whether the customer has a completed purchase (first-purchase-only codes). */
  @InjectManager()
  async hasCompletedPurchase(
    customerId: string,
    @MedusaContext() sharedContext: ModuleContext = {}
  ): Promise<boolean> {
    const [row] = await selectRows<{ found: boolean }>(
      sharedContext.manager!,
      `SELECT EXISTS (
         SELECT 1 FROM purchase
          WHERE customer_id = ? AND status = 'completed' AND deleted_at IS NULL
       ) AS found`,
      [customerId]
    )
    return row?.found === true
  }

  /**
   * trialEligibility and hasCompletedPurchase in one query: a preview and a
   * purchase ask both.
   */
  @InjectManager()
  async purchaseHistory(
    customerId: string,
    @MedusaContext() sharedContext: ModuleContext = {}
  ): Promise<PurchaseHistory> {
    const [row] = await selectRows<{ trial: boolean; paid: boolean }>(
      sharedContext.manager!,
      `SELECT ${HISTORY_SQL}`,
      [customerId, customerId, customerId]
    )
    return purchaseHistoryOf(row)
  }

  /**
   * The live subscription (as liveSubscription, the fields a plan change
   * reads) and the purchase history, in one query: what a preview and a
   * purchase read before deciding.
   */
  @InjectManager()
  async saleContext(
    customerId: string,
    now?: Date | string,
    @MedusaContext() sharedContext: ModuleContext = {}
  ): Promise<SaleContext> {
    const { live, trial, paid } = await readSaleContext(sharedContext.manager!, customerId, toDate(now, "now"))
    return {
      ...purchaseHistoryOf({ trial, paid }),
      live: live && {
        id: live.id,
        variant_id: live.variant_id,
        is_trial: live.is_trial,
        current_period_start: new Date(live.current_period_start),
        ends_at: new Date(live.ends_at),
        period_amount: live.period_amount,
        currency_code: live.currency_code,
      },
    }
  }

  /** The customer's live subscription (trialing, active, past_due) that has not ended at `now`, or null. */
  @InjectManager()
  async liveSubscription(
    customerId: string,
    now?: Date | string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<SubscriptionDTO | null> {
    const [subscription] = await this.listSubscriptions(
      {
        customer_id: customerId,
        status: [...LIVE_STATUSES],
        ends_at: { $gt: toDate(now, "now") },
      },
      { take: 1, order: { ends_at: "DESC" } },
      sharedContext
    )
    return subscription ?? null
  }

  /** Locks one live subscription (of the customer, when given) and applies `change` to it. */
  protected async changeLive_(
    id: string,
    customerId: string | null | undefined,
    now: Date | string | undefined,
    sharedContext: ModuleContext,
    change: (row: SubscriptionRow) => Partial<SubscriptionSnapshot>,
    event: { type: SubscriptionEventType; data?: Record<string, unknown> }
  ): Promise<SubscriptionChange> {
    const manager = transactionManager(sharedContext)
    const unlocked = await lockOne(manager, id, customerId)
    await lockCustomer(manager, unlocked.customer_id)
    const row = await lockOne(manager, id, customerId)
    assertLive(row, toDate(now, "now"))
    const before = snapshot(row)
    await writeSnapshot(manager, { ...before, ...change(row) })
    await this.createSubscriptionEvents(
      { subscription_id: id, type: event.type, data: event.data ?? null, previous: before },
      sharedContext
    )
    const subscription = await this.retrieveSubscription(id, {}, sharedContext)
    return { subscription, before }
  }

  /**
   * pending → completed. Calling it again on a completed purchase returns it
   * unchanged; throws NOT_ALLOWED for a failed purchase, NOT_FOUND for an
   * unknown id.
   */
  @InjectTransactionManager()
  async completePurchase(
    id: string,
    data: CompletePurchaseInput = {},
    @MedusaContext() sharedContext: ModuleContext = {}
  ): Promise<PurchaseDTO> {
    const manager = transactionManager(sharedContext)
    const status = await this.lockPurchase_(id, manager)
    if (status === "failed") {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Purchase ${id} has failed and cannot be completed`
      )
    }
    if (status === "pending") {
      await this.updatePurchases(
        {
          id,
          ...data,
          status: "completed",
          completed_at: data.completed_at ?? new Date(),
        },
        sharedContext
      )
    }
    return await this.retrievePurchase(id, {}, sharedContext)
  }

  /**
   * pending → failed with a reason. Calling it again on a failed purchase
   * returns it unchanged; throws NOT_ALLOWED for a completed purchase,
   * NOT_FOUND for an unknown id.
   */
  @InjectTransactionManager()
  async failPurchase(
    id: string,
    data: FailPurchaseInput,
    @MedusaContext() sharedContext: ModuleContext = {}
  ): Promise<PurchaseDTO> {
    if (!data?.failure_reason) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        "failPurchase needs a failure_reason"
      )
    }
    const manager = transactionManager(sharedContext)
    const status = await this.lockPurchase_(id, manager)
    if (status === "completed") {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Purchase ${id} is completed and cannot fail`
      )
    }
    if (status === "pending") {
      await this.updatePurchases(
        { id, ...data, status: "failed" },
        sharedContext
      )
    }
    return await this.retrievePurchase(id, {}, sharedContext)
  }

  protected async lockPurchase_(
    id: string,
    manager: ReturnType<typeof transactionManager>
  ): Promise<PurchaseDTO["status"]> {
    const [row] = await selectRows<{ status: PurchaseDTO["status"] }>(
      manager,
      `SELECT status FROM purchase WHERE id = ? AND deleted_at IS NULL FOR UPDATE`,
      [id]
    )
    if (!row) {
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `Purchase with id: ${id} was not found`
      )
    }
    return row.status
  }
}
