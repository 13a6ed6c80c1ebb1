import {
  InjectManager,
  InjectTransactionManager,
  MedusaContext,
} from "@medusajs/framework/utils"
import { endNotRenewing, listDue, writeRenewalState, type DueCursor, type DueRow } from "../lib/renewal"
import * as renewalOps from "../lib/renewal-ops"
import { ModuleContext, runStatement, transactionManager } from "../lib/sql"
import type {
  ApplyRenewalInput,
  CardChange,
  DeclineRenewalInput,
  RenewalAttempt,
  RenewalChange,
  RenewalUndo,
  SaveCardInput,
} from "../renewal-types"
import { SubscriptionLifecycle, toDate } from "./lifecycle"

/**
 * The second part of the subscription module's service (../service.ts is its
 * entry point): what the renewal pass reads and writes, each write under the
 * customer's lock (SQL in lib/renewal.ts and lib/renewal-ops.ts).
 */
export class SubscriptionRenewals extends SubscriptionLifecycle {
  // Renewals (src/workflows/renew-subscription; lib/renewal.ts, lib/renewal-ops.ts)

  /**
   * A page of the subscriptions due for a renewal attempt at `now`, the
   * oldest end first; `after` (the last row of the previous page) pages on.
   */
  @InjectManager()
  async listDueRenewals(
    now: Date | string,
    { limit = 100, after = null }: { limit?: number; after?: DueCursor | null } = {},
    @MedusaContext() sharedContext: ModuleContext = {}
  ): Promise<DueRow[]> {
    return await listDue(sharedContext.manager!, toDate(now, "now"), limit, after)
  }

  /**
   * Starts one renewal attempt under the customer's lock and counts it as an
   * off-session charge of the card. Null when the subscription is not due at
   * `now` (renewed meanwhile, cancelled, no card); `force` (a new card) makes
   * a past_due one due at once.
   */
  @InjectTransactionManager()
  async beginRenewal(
    id: string,
    options: { now?: Date | string; force?: boolean } = {},
    @MedusaContext() sharedContext: ModuleContext = {}
  ): Promise<RenewalAttempt | null> {
    return await renewalOps.beginRenewal(transactionManager(sharedContext), id, toDate(options.now, "now"), options.force)
  }

  /**
   * A paid renewal: the subscription moves to the period it paid for, on the
   * renewal plan, `active`, dunning cleared. Refused (SUBSCRIPTION_CHANGED)
   * unless the subscription still waits for the renewal of `period_start`.
   */
  @InjectTransactionManager()
  async applyRenewal(
    input: ApplyRenewalInput,
    @MedusaContext() sharedContext: ModuleContext = {}
  ): Promise<RenewalChange> {
    const before = await renewalOps.applyRenewal(transactionManager(sharedContext), input)
    return { subscription: await this.retrieveSubscription(input.subscription_id, {}, sharedContext), before }
  }

  /**
   * A declined renewal: `past_due` with the next retry (access kept to the
   * last one), or `expired` once every retry declined (lib/renewal.ts
   * `afterDecline`). SUBSCRIPTION_CHANGED as above.
   */
  @InjectTransactionManager()
  async declineRenewal(
    input: DeclineRenewalInput,
    @MedusaContext() sharedContext: ModuleContext = {}
  ): Promise<RenewalChange> {
    const manager = transactionManager(sharedContext)
    const before = await renewalOps.declineRenewal(manager, input, toDate(input.now, "now"))
    return { subscription: await this.retrieveSubscription(input.subscription_id, {}, sharedContext), before }
  }

  /** Puts back what `applyRenewal` / `declineRenewal` changed (their compensation). */
  @InjectTransactionManager()
  async restoreRenewal(
    before: RenewalUndo,
    @MedusaContext() sharedContext: ModuleContext = {}
  ): Promise<void> {
    await renewalOps.restoreRenewal(transactionManager(sharedContext), before)
  }

  /**
   * Saves the card renewals charge on the customer's live subscription (a new
   * card starts its off-session count at 0), switches auto-renew, sets the
   * Trial's conversion plan. NOT_FOUND / SUBSCRIPTION_NOT_ACTIVE as cancel.
   */
  @InjectTransactionManager()
  async saveRenewalCard(
    id: string,
    input: SaveCardInput,
    @MedusaContext() sharedContext: ModuleContext = {}
  ): Promise<CardChange> {
    const before = await renewalOps.saveCard(transactionManager(sharedContext), id, input, toDate(input.now, "now"))
    return { subscription: await this.retrieveSubscription(id, {}, sharedContext), before }
  }

  /** Undoes `saveRenewalCard`. */
  @InjectTransactionManager()
  async restoreRenewalCard(
    before: CardChange["before"],
    @MedusaContext() sharedContext: ModuleContext = {}
  ): Promise<void> {
    await writeRenewalState(transactionManager(sharedContext), before)
  }

  /**
   * Ends live subscriptions whose end has passed and that will not renew (no
   * auto-renew or card, or cancelled); auto-renewing ones are left to the
   * renewal pass. Returns how many it ended.
   */
  @InjectTransactionManager()
  async endNotRenewing(
    now?: Date | string,
    @MedusaContext() sharedContext: ModuleContext = {}
  ): Promise<number> {
    return await endNotRenewing(transactionManager(sharedContext), toDate(now, "now"))
  }

  /**
   * Ends one subscription whose period is over and whose renewal plan is no
   * longer for sale (it cannot be charged): `canceled` when it was cancelled,
   * else `expired`, as `expireEnded` does for all. Returns whether it changed
   * (false: not live, or its period not over at `now`).
   */
  @InjectTransactionManager()
  async endUnrenewable(
    subscriptionId: string,
    now?: Date | string,
    @MedusaContext() sharedContext: ModuleContext = {}
  ): Promise<boolean> {
    const changed = await runStatement(
      transactionManager(sharedContext),
      `UPDATE subscription
          SET status = CASE WHEN cancel_at_period_end THEN 'canceled' ELSE 'expired' END,
              next_attempt_at = NULL, updated_at = now()
        WHERE id = ? AND status IN ('trialing', 'active', 'past_due') AND ends_at <= ? AND deleted_at IS NULL`,
      [subscriptionId, toDate(now, "now")]
    )
    return changed > 0
  }
}
