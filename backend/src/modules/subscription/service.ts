import type { Context, InferTypeOf } from "@medusajs/framework/types"
import {
  InjectManager,
  InjectTransactionManager,
  MedusaContext,
  MedusaError,
  MedusaService,
  generateEntityId,
} from "@medusajs/framework/utils"
import {
  PERIOD_INTERVALS,
  PeriodInterval,
  periodEnd,
} from "./lib/period"
import {
  ModuleContext,
  lockCustomer,
  runStatement,
  selectRows,
  transactionManager,
} from "./lib/sql"
import { Purchase, Subscription, SubscriptionPlan } from "./models"

export type SubscriptionDTO = InferTypeOf<typeof Subscription>
export type PurchaseDTO = InferTypeOf<typeof Purchase>
export type SubscriptionPlanDTO = InferTypeOf<typeof SubscriptionPlan>

export type GrantOrExtendInput = {
  customer_id: string
  /** the tariff */
  product_id: string
  /** the plan bought */
  variant_id: string
  interval: PeriodInterval
  interval_count: number
  /** a free-period promo code: the period is this many days instead of the plan's */
  free_days?: number | null
  /** the purchase that pays for this grant; stored as `last_purchase_id` */
  purchase_id: string | null
  /** the moment of the grant; defaults to the current time */
  now?: Date | string
}

/**
 * What `grantOrExtend` changed, enough for `revertGrant` to undo it. Plain
 * JSON (dates as ISO strings) so it survives being stored as a workflow
 * step's compensation input.
 */
export type GrantPrevious = {
  action: "created" | "extended" | "replaced"
  customer_id: string
  purchase_id: string | null
  /** the subscription that carries the grant (created or extended) */
  subscription_id: string
  /** its `ends_at` right after the grant */
  granted_ends_at: string
  /** "extended": the subscription as it was before */
  extended: {
    ends_at: string
    variant_id: string
    last_purchase_id: string | null
  } | null
  /** "replaced": the active subscriptions to another tariff that were ended, with their former `ends_at` */
  replaced: { id: string; ends_at: string }[]
  /** active subscriptions whose `ends_at` had already passed and that the grant marked expired */
  expired_ids: string[]
}

export type GrantOrExtendResult = {
  subscription: SubscriptionDTO
  previous: GrantPrevious
}

export type RevertGrantResult = {
  /** false when there was nothing to undo (already reverted, or changed by a later grant) */
  reverted: boolean
}

export type CompletePurchaseInput = {
  subscription_id?: string | null
  payment_collection_id?: string | null
  payment_id?: string | null
  promocode_usage_id?: string | null
  order_id?: string | null
  completed_at?: Date
}

export type FailPurchaseInput = {
  failure_reason: string
  payment_collection_id?: string | null
  payment_id?: string | null
}

type ActiveRow = {
  id: string
  product_id: string
  variant_id: string
  ends_at: Date
  last_purchase_id: string | null
}

function toDate(value: Date | string | undefined, name: string): Date {
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
 */
export default class SubscriptionModuleService extends MedusaService({
  SubscriptionPlan,
  Purchase,
  Subscription,
}) {
  /**
   * Gives the customer one period of the tariff, in one transaction that
   * holds a per-customer lock (advisory lock + `SELECT ... FOR UPDATE` on the
   * customer's active subscriptions), so concurrent calls for one customer
   * apply one after another.
   *
   * - an active subscription to the same tariff that has not ended is
   *   extended from its `ends_at` (its `variant_id` becomes the plan bought);
   * - an active subscription to another tariff is `replaced`, ending now,
   *   and a new one starts now;
   * - otherwise a new subscription starts now.
   * Active subscriptions whose `ends_at` has already passed are marked
   * `expired` on the way. The period is interval × interval_count, or
   * `free_days` days when given.
   *
   * Throws MedusaError INVALID_DATA on bad input.
   */
  @InjectTransactionManager()
  async grantOrExtend(
    input: GrantOrExtendInput,
    @MedusaContext() sharedContext: ModuleContext = {}
  ): Promise<GrantOrExtendResult> {
    assertGrantInput(input)
    const now = toDate(input.now, "now")
    const manager = transactionManager(sharedContext)
    const terms = {
      interval: input.interval,
      interval_count: input.interval_count,
      free_days: input.free_days,
    }
    const purchaseId = input.purchase_id ?? null

    await lockCustomer(manager, input.customer_id)
    const active = await selectRows<ActiveRow>(
      manager,
      `SELECT id, product_id, variant_id, ends_at, last_purchase_id
         FROM subscription
        WHERE customer_id = ? AND status = 'active' AND deleted_at IS NULL
        ORDER BY ends_at DESC
          FOR UPDATE`,
      [input.customer_id]
    )

    const ended = active.filter((row) => row.ends_at.getTime() <= now.getTime())
    const running = active.filter((row) => row.ends_at.getTime() > now.getTime())
    const same = running.find((row) => row.product_id === input.product_id)
    const others = running.filter((row) => row !== same)

    if (ended.length) {
      await runStatement(
        manager,
        `UPDATE subscription SET status = 'expired', updated_at = now()
          WHERE id IN (?)`,
        [ended.map((row) => row.id)]
      )
    }
    if (others.length) {
      await runStatement(
        manager,
        `UPDATE subscription SET status = 'replaced', ends_at = ?, updated_at = now()
          WHERE id IN (?)`,
        [now, others.map((row) => row.id)]
      )
    }

    let subscriptionId: string
    let grantedEndsAt: Date
    if (same) {
      subscriptionId = same.id
      grantedEndsAt = periodEnd(same.ends_at, terms)
      await runStatement(
        manager,
        `UPDATE subscription
            SET ends_at = ?, variant_id = ?, last_purchase_id = ?, updated_at = now()
          WHERE id = ?`,
        [grantedEndsAt, input.variant_id, purchaseId, same.id]
      )
    } else {
      subscriptionId = generateEntityId(undefined, "sub")
      grantedEndsAt = periodEnd(now, terms)
      await runStatement(
        manager,
        `INSERT INTO subscription
           (id, customer_id, product_id, variant_id, status, starts_at, ends_at, last_purchase_id)
         VALUES (?, ?, ?, ?, 'active', ?, ?, ?)`,
        [
          subscriptionId,
          input.customer_id,
          input.product_id,
          input.variant_id,
          now,
          grantedEndsAt,
          purchaseId,
        ]
      )
    }

    const subscription = await this.retrieveSubscription(
      subscriptionId,
      {},
      sharedContext
    )
    return {
      subscription,
      previous: {
        action: same ? "extended" : others.length ? "replaced" : "created",
        customer_id: input.customer_id,
        purchase_id: purchaseId,
        subscription_id: subscriptionId,
        granted_ends_at: grantedEndsAt.toISOString(),
        extended: same
          ? {
              ends_at: same.ends_at.toISOString(),
              variant_id: same.variant_id,
              last_purchase_id: same.last_purchase_id,
            }
          : null,
        replaced: others.map((row) => ({
          id: row.id,
          ends_at: row.ends_at.toISOString(),
        })),
        expired_ids: ended.map((row) => row.id),
      },
    }
  }

  /**
   * Undoes exactly one `grantOrExtend`, under the same per-customer lock:
   * an extension gets its former `ends_at`, plan and last purchase back; a
   * created subscription is deleted and the subscriptions it replaced (or
   * expired) are active again with their former `ends_at`.
   *
   * Idempotent: it only acts while the granted subscription still has the
   * `ends_at` the grant gave it, so a second call does nothing. A later grant
   * to the same subscription (possible only without the purchase workflow's
   * customer lock) also makes it do nothing; `reverted` tells which.
   */
  @InjectTransactionManager()
  async revertGrant(
    previous: GrantPrevious,
    @MedusaContext() sharedContext: ModuleContext = {}
  ): Promise<RevertGrantResult> {
    if (!previous?.subscription_id || !previous.customer_id) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        "revertGrant needs the `previous` returned by grantOrExtend"
      )
    }
    const manager = transactionManager(sharedContext)
    const grantedEndsAt = toDate(previous.granted_ends_at, "granted_ends_at")

    await lockCustomer(manager, previous.customer_id)
    const touched = [
      previous.subscription_id,
      ...previous.replaced.map((row) => row.id),
      ...previous.expired_ids,
    ]
    await selectRows(
      manager,
      `SELECT id FROM subscription WHERE id IN (?) FOR UPDATE`,
      [touched]
    )

    if (previous.action === "extended") {
      if (!previous.extended) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          "an extension's `previous` must carry `extended`"
        )
      }
      const changed = await runStatement(
        manager,
        `UPDATE subscription
            SET ends_at = ?, variant_id = ?, last_purchase_id = ?, updated_at = now()
          WHERE id = ? AND status = 'active' AND ends_at = ?`,
        [
          toDate(previous.extended.ends_at, "extended.ends_at"),
          previous.extended.variant_id,
          previous.extended.last_purchase_id,
          previous.subscription_id,
          grantedEndsAt,
        ]
      )
      if (!changed) {
        return { reverted: false }
      }
    } else {
      const deleted = await runStatement(
        manager,
        `DELETE FROM subscription WHERE id = ? AND ends_at = ?`,
        [previous.subscription_id, grantedEndsAt]
      )
      if (!deleted) {
        return { reverted: false }
      }
      for (const row of previous.replaced) {
        await runStatement(
          manager,
          `UPDATE subscription SET status = 'active', ends_at = ?, updated_at = now()
            WHERE id = ? AND status = 'replaced'`,
          [toDate(row.ends_at, "replaced.ends_at"), row.id]
        )
      }
    }

    if (previous.expired_ids.length) {
      await runStatement(
        manager,
        `UPDATE subscription SET status = 'active', updated_at = now()
          WHERE id IN (?) AND status = 'expired'`,
        [previous.expired_ids]
      )
    }
    return { reverted: true }
  }

  /**
   * Marks every active subscription whose `ends_at` <= `now` as `expired`,
   * in one UPDATE. Returns how many it changed.
   */
  @InjectTransactionManager()
  async expireEnded(
    now?: Date | string,
    @MedusaContext() sharedContext: ModuleContext = {}
  ): Promise<number> {
    const at = toDate(now, "now")
    return await runStatement(
      transactionManager(sharedContext),
      `UPDATE subscription SET status = 'expired', updated_at = now()
        WHERE status = 'active' AND ends_at <= ? AND deleted_at IS NULL`,
      [at]
    )
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

  /** The customer's active subscription that has not ended at `now`, or null. */
  @InjectManager()
  async activeSubscription(
    customerId: string,
    now?: Date | string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<SubscriptionDTO | null> {
    const [subscription] = await this.listSubscriptions(
      {
        customer_id: customerId,
        status: "active",
        ends_at: { $gt: toDate(now, "now") },
      },
      { take: 1, order: { ends_at: "DESC" } },
      sharedContext
    )
    return subscription ?? null
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
