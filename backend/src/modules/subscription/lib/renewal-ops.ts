import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/knex"
import { MedusaError } from "@medusajs/framework/utils"
import type {
  ApplyRenewalInput,
  DeclineRenewalInput,
  RenewalAttempt,
  RenewalUndo,
  SaveCardInput,
} from "../renewal-types"
import { assertLive, lockOne, snapshot, SUBSCRIPTION_CHANGED, writeSnapshot } from "./lifecycle"
import {
  afterDecline,
  afterDiscountedRenewal,
  nextRenewalDiscount,
  isDue,
  lockRenewal,
  renewalStart,
  renewalState,
  writeRenewalState,
  type RenewalState,
} from "./renewal"
import { lockCustomer } from "./sql"

/**
 * The renewal writes of the subscription service, each inside its
 * transaction: the customer's lock first (as every subscription write), then
 * the row.
 */

async function lockedRenewal(manager: SqlEntityManager, id: string) {
  const unlocked = await lockRenewal(manager, id)
  if (!unlocked) {
    return null
  }
  await lockCustomer(manager, unlocked.customer_id)
  return await lockRenewal(manager, id)
}

export async function beginRenewal(
  manager: SqlEntityManager,
  id: string,
  now: Date,
  force = false
): Promise<RenewalAttempt | null> {
  const row = await lockedRenewal(manager, id)
  if (!row || !isDue(row, now, force)) {
    return null
  }
  const before = renewalState(row)
  await writeRenewalState(manager, { ...before, payment_method_charges: row.payment_method_charges + 1 })
  return {
    subscription_id: row.id,
    customer_id: row.customer_id,
    period_start: renewalStart(row).toISOString(),
    variant_id: row.pending_variant_id ?? (row.is_trial ? row.convert_to_variant_id : row.variant_id),
    is_trial: row.is_trial,
    currency_code: row.currency_code,
    payment_method_id: row.payment_method!.id,
    account_holder_id: row.account_holder_id,
    attempt: row.payment_method_charges + 1,
    discount: nextRenewalDiscount(row),
  }
}

/** Applies `change` while the subscription still waits for the renewal of `periodStart`; else SUBSCRIPTION_CHANGED. */
async function changeRenewal(
  manager: SqlEntityManager,
  id: string,
  periodStart: string,
  change: (before: RenewalUndo) => RenewalUndo
): Promise<RenewalUndo> {
  const renewing = await lockedRenewal(manager, id)
  if (!renewing || renewalStart(renewing).getTime() !== new Date(periodStart).getTime()) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `Subscription ${id} no longer waits for the renewal of ${periodStart}`,
      SUBSCRIPTION_CHANGED
    )
  }
  const row = await lockOne(manager, id)
  const before: RenewalUndo = { snapshot: snapshot(row), renewal: renewalState(renewing) }
  const after = change(before)
  await writeSnapshot(manager, after.snapshot)
  await writeRenewalState(manager, after.renewal)
  return before
}

export function applyRenewal(manager: SqlEntityManager, input: ApplyRenewalInput): Promise<RenewalUndo> {
  return changeRenewal(manager, input.subscription_id, input.period_start, ({ snapshot, renewal }) => ({
    snapshot: {
      ...snapshot,
      product_id: input.product_id,
      variant_id: input.variant_id,
      status: "active",
      is_trial: false,
      current_period_start: input.period_start,
      ends_at: input.period_end,
      period_amount: String(input.amount),
      currency_code: input.currency_code,
      pending_variant_id: null,
      last_purchase_id: input.purchase_id,
    },
    renewal: {
      ...renewal,
      ...afterDiscountedRenewal(renewal),
      renewal_period_start: null,
      renewal_attempts: 0,
      next_attempt_at: null,
    },
  }))
}

export function declineRenewal(
  manager: SqlEntityManager,
  input: DeclineRenewalInput,
  now: Date
): Promise<RenewalUndo> {
  return changeRenewal(manager, input.subscription_id, input.period_start, ({ snapshot, renewal }) => {
    const after = afterDecline(new Date(input.period_start), renewal.renewal_attempts + 1, input.retry_days, now)
    return {
      snapshot: { ...snapshot, status: after.status, ends_at: after.ends_at.toISOString() },
      renewal: {
        ...renewal,
        renewal_period_start: input.period_start,
        renewal_attempts: after.renewal_attempts,
        next_attempt_at: after.next_attempt_at?.toISOString() ?? null,
      },
    }
  })
}

export async function restoreRenewal(manager: SqlEntityManager, before: RenewalUndo): Promise<void> {
  await writeSnapshot(manager, before.snapshot)
  await writeRenewalState(manager, before.renewal)
}

/** Sets the card (its off-session count back to 0), auto-renew and the Trial's conversion plan; returns what was. */
export async function saveCard(
  manager: SqlEntityManager,
  id: string,
  input: SaveCardInput,
  now: Date
): Promise<RenewalState> {
  const unlocked = await lockOne(manager, id, input.customer_id)
  await lockCustomer(manager, unlocked.customer_id)
  assertLive(await lockOne(manager, id, input.customer_id), now)
  const before = renewalState((await lockRenewal(manager, id))!)
  await writeRenewalState(manager, {
    ...before,
    auto_renew: input.auto_renew ?? before.auto_renew,
    ...(input.payment_method
      ? { payment_method: input.payment_method, account_holder_id: input.account_holder_id ?? null, payment_method_charges: 0 }
      : {}),
    ...(input.convert_to_variant_id !== undefined ? { convert_to_variant_id: input.convert_to_variant_id } : {}),
    ...(input.renewal_discount !== undefined
      ? {
          renewal_discount: input.renewal_discount?.discount ?? null,
          renewal_discounts_left: input.renewal_discount?.left ?? null,
        }
      : {}),
  })
  return before
}
