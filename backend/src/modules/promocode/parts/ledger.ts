import {
  InjectManager,
  InjectTransactionManager,
  MathBN,
  MedusaContext,
  MedusaError,
} from "@medusajs/framework/utils"
import { promocodeRejectionsTotal } from "../../../lib/metrics/registry"
import type { ModuleContext } from "../../../lib/sql"
import { codeForJournal, tryNormalizeCode } from "../lib/code"
import * as crud from "../lib/crud"
import { evaluateUse } from "../lib/evaluate"
import { PromocodeError, PromocodeErrorCode } from "../lib/errors"
import { type JournalEntry, addViews, countValidation, insertJournal } from "../lib/journal"
import * as ledger from "../lib/ledger"
import { checkReservationTtl, requireString } from "../lib/ledger"
import type { PromocodeRuleFields } from "../lib/types"
import { ViewBuffer } from "../lib/views"
import type {
  CheckCodeInput,
  CheckCodeOptions,
  CheckCodeResult,
  PromocodeUsageDTO,
  RecordAssignmentInput,
  RedeemInput,
  ReleaseInput,
  ReserveInput,
  ReserveResult,
  ValidateCodeInput,
  ValidateCodeResult,
} from "../types"
import { PromocodeDefinitions, readManager, txManager } from "./definitions"

type ReserveOutcome =
  | (Pick<ReserveResult, "promocode" | "breakdown"> & { usage_id: string })
  | { error: PromocodeErrorCode; promocode_id: string | null }

/**
 * The second part of the promo code module's service (../service.ts is its
 * entry point): whether a customer may use a code (one evaluation,
 * lib/evaluate.ts, for the preview, the reservation and the admin's check)
 * and the usage ledger (reserve, release, redeem, expire; SQL in
 * lib/ledger.ts), each counter change under the code's row lock.
 */
export class PromocodeLedger extends PromocodeDefinitions {
  private readonly views_ = new ViewBuffer()

  /** Unwritten views are written when the application stops. */
  __hooks = {
    onApplicationPrepareShutdown: async () => {
      await this.flushViews()
    },
    onApplicationShutdown: async () => {
      await this.flushViews()
    },
  }

  /**
   * Writes the views counted in this process (usable previews, see
   * `viewsFlushMs`) to their codes' `validated_count`, in one statement;
   * returns how many it wrote. Runs on its own timer and at shutdown; call it
   * to read exact figures at once. On failure the views stay counted.
   */
  @InjectManager()
  async flushViews(
    @MedusaContext() sharedContext: ModuleContext = {}
  ): Promise<number> {
    const views = this.views_.take()
    try {
      await addViews(readManager(sharedContext), views)
    } catch (error) {
      this.views_.restore(views)
      throw error
    }
    let written = 0
    for (const n of views.values()) written += n
    return written
  }

  /** Counts a view: at once with `viewsFlushMs` 0, else in memory until the next flush. */
  private async countView_(promocodeId: string, sharedContext: ModuleContext) {
    if (this.viewsFlushMs_ === 0) {
      await countValidation(readManager(sharedContext), promocodeId)
      return
    }
    this.views_.add(promocodeId)
    const flush = this.flushViews.bind(this)
    this.views_.flushIn(
      this.viewsFlushMs_,
      () => flush(),
      (error) => this.logger_?.warn(`promocode: writing counted views failed; they are kept for the next flush: ${error}`)
    )
  }

  /**
   * Answers whether a code may be used, without holding a use (a dry run of
   * what `reserve` checks, in the same order): `{ promocode, error, discount }`,
   * never a rejection thrown. The customer rules are checked only with a
   * customer, the plan restriction only with a plan, the price only with an
   * amount and a currency. With `journal: true` a rejection is journaled
   * (`rejected` with the error code as reason) and a usable code's view is
   * counted (`validated_count`, written by `flushViews`: a number, not a journal row);
   * an admin's check is neither (it would count in the reports).
   */
  @InjectManager()
  async checkCode(
    input: CheckCodeInput,
    options: CheckCodeOptions = {},
    @MedusaContext() sharedContext: ModuleContext = {}
  ): Promise<CheckCodeResult> {
    const code = tryNormalizeCode(input?.code)
    const [promocode] = code
      ? await this.listPromocodes({ code }, { take: 1 }, sharedContext)
      : []
    const evaluation = await this.evaluate_(
      promocode && crud.ruleFieldsOf(promocode),
      input,
      sharedContext
    )
    if (options.journal) {
      await this.record_(code, promocode?.id ?? null, input, evaluation, sharedContext)
    }
    return { promocode: promocode ?? null, ...evaluation }
  }

  /**
   * A shopper's preview: checks a code for a customer and a plan without
   * holding a use, and returns the code's row with the discount breakdown
   * (original_amount, discount_amount, total, currency_code). Counts the view
   * (`validated_count`), or journals `rejected` with the error code as reason
   * before throwing PromocodeError. The same evaluation as `checkCode`; the
   * row is read with one SQL statement, as the reservation reads it.
   */
  @InjectManager()
  async validateCode(
    input: ValidateCodeInput,
    @MedusaContext() sharedContext: ModuleContext = {}
  ): Promise<ValidateCodeResult> {
    this.checkShopperInput_(input)
    const code = tryNormalizeCode(input.code)
    const promocode = code
      ? await ledger.findByCode(readManager(sharedContext), code)
      : undefined
    const { error, discount } = await this.evaluate_(promocode, input, sharedContext)
    await this.record_(code, promocode?.id ?? null, input, { error }, sharedContext)
    if (error || !promocode || !discount) {
      throw new PromocodeError(error ?? PromocodeErrorCode.NOT_FOUND)
    }
    return { promocode, discount }
  }

  private async evaluate_(
    promocode: (PromocodeRuleFields & { id: string }) | undefined,
    input: CheckCodeInput,
    sharedContext: ModuleContext
  ) {
    return promocode
      ? await evaluateUse(readManager(sharedContext), promocode, input)
      : { error: PromocodeErrorCode.NOT_FOUND, discount: null }
  }

  /** A shopper's check: a rejection is journaled, a usable code's view counted. */
  private async record_(
    code: string | null,
    promocodeId: string | null,
    input: CheckCodeInput,
    { error }: { error: PromocodeErrorCode | null },
    sharedContext: ModuleContext
  ) {
    if (error) {
      // outside the caller's transaction: it survives a rollback
      await this.journalDetached_([
        {
          code: code ?? codeForJournal(input?.code),
          promocode_id: promocodeId,
          customer_id: input.customer_id ?? null,
          purchase_id: input.purchase_id ?? null,
          action: "rejected",
          reason: error,
        },
      ])
    } else if (promocodeId) {
      await this.countView_(promocodeId, sharedContext)
    }
  }

  /**
   * Validates and holds one use of a code for a customer and a plan. In one
   * transaction: locks the code's row (SELECT ... FOR UPDATE), counts the
   * customer's reserved + redeemed uses, checks every rule, inserts a
   * `reserved` usage expiring after `ttl_ms` (default: the module's
   * `reservationTtlMs`, 15 minutes), increments reserved_count and journals
   * `reserved`. Returns the usage (with original_amount, discount_amount,
   * currency_code), the code (`promocode`) and the price (`breakdown`:
   * original_amount, discount_amount, total, currency_code). On a rule failure
   * journals `rejected` (outside the transaction) and throws PromocodeError.
   */
  @InjectManager()
  async reserve(
    input: ReserveInput,
    @MedusaContext() sharedContext: ModuleContext = {}
  ): Promise<ReserveResult> {
    this.checkShopperInput_(input)
    const ttl =
      input.ttl_ms === undefined
        ? this.reservationTtlMs_
        : checkReservationTtl(input.ttl_ms)
    const code = tryNormalizeCode(input.code)
    const outcome: ReserveOutcome = code
      ? await this.reserve_(code, input, ttl, sharedContext)
      : { error: PromocodeErrorCode.NOT_FOUND, promocode_id: null }
    if ("error" in outcome) {
      await this.journalDetached_([
        {
          code: code ?? codeForJournal(input.code),
          promocode_id: outcome.promocode_id,
          customer_id: input.customer_id,
          purchase_id: input.purchase_id ?? null,
          action: "rejected",
          reason: outcome.error,
        },
      ])
      throw new PromocodeError(outcome.error)
    }
    const usage = await this.retrievePromocodeUsage(
      outcome.usage_id,
      {},
      sharedContext
    )
    return {
      ...usage,
      promocode: outcome.promocode,
      breakdown: outcome.breakdown,
    }
  }

  /**
   * Gives a reserved use back: the usage becomes `released` (with `reason`,
   * e.g. `payment_declined`, and the `purchase_id` when given),
   * reserved_count is decremented under the code's row lock and `released`
   * is journaled. Idempotent: a usage that is no
   * longer `reserved` (already released, or redeemed) is returned unchanged.
   * Throws NOT_FOUND (code PROMOCODE_USAGE_NOT_FOUND) for an unknown id.
   */
  @InjectManager()
  async release(
    usageId: string,
    reason: string = "released",
    input: ReleaseInput = {},
    @MedusaContext() sharedContext: ModuleContext = {}
  ): Promise<PromocodeUsageDTO> {
    await this.release_(usageId, reason, input, sharedContext)
    return await this.retrievePromocodeUsage(usageId, {}, sharedContext)
  }

  /**
   * Makes a reserved use final: `reserved` -> `redeemed` (recording
   * `purchase_id` when given), reserved_count - 1 and used_count + 1 under the
   * code's row lock, journal `redeemed`. A reservation past its expiry that was
   * not released yet may still be redeemed. Idempotent for an already redeemed
   * usage. Throws NOT_ALLOWED (code PROMOCODE_USAGE_NOT_RESERVED) when the use
   * was released, NOT_FOUND (PROMOCODE_USAGE_NOT_FOUND) for an unknown id.
   */
  @InjectManager()
  async redeem(
    usageId: string,
    input: RedeemInput = {},
    @MedusaContext() sharedContext: ModuleContext = {}
  ): Promise<PromocodeUsageDTO> {
    await this.redeem_(usageId, input, sharedContext)
    return await this.retrievePromocodeUsage(usageId, {}, sharedContext)
  }

  /**
   * Releases every reservation whose expiry is at or before `now`, one promo
   * code at a time under its row lock, with reason `expired_reservation`.
   * Returns how many were released. Safe to run on several workers at once.
   */
  @InjectManager()
  async releaseExpired(
    now: Date = new Date(),
    @MedusaContext() sharedContext: ModuleContext = {}
  ): Promise<number> {
    const m = readManager(sharedContext)
    let total = 0
    const seen = new Set<string>()
    for (;;) {
      const ids = await ledger.codesWithExpiredReservations(m, now, seen)
      if (!ids.length) {
        break
      }
      for (const id of ids) {
        let released: number
        do {
          released = await this.releaseExpiredOf_(id, now, sharedContext)
          total += released
        } while (released === ledger.EXPIRY_CHUNK_SIZE)
        seen.add(id)
      }
    }
    return total
  }

  /**
   * Journals an `assigned` row only, for flows that consumed the use
   * themselves (e.g. the purchase workflow reserved and redeemed a free-period
   * code for an admin assignment).
   */
  @InjectManager()
  async recordAssignment(
    input: RecordAssignmentInput,
    @MedusaContext() sharedContext: ModuleContext = {}
  ): Promise<void> {
    requireString(input?.customer_id, "customer_id")
    await insertJournal(readManager(sharedContext), [
      {
        promocode_id: input.promocode_id ?? null,
        code: tryNormalizeCode(input.code) ?? codeForJournal(input.code),
        customer_id: input.customer_id,
        purchase_id: input.purchase_id ?? null,
        usage_id: input.usage_id ?? null,
        action: "assigned",
        discount_amount: input.discount_amount ?? null,
        currency_code: input.currency_code ?? null,
      },
    ])
  }

  // one transaction each

  @InjectTransactionManager()
  protected async reserve_(
    code: string,
    input: ReserveInput,
    ttlMs: number,
    @MedusaContext() sharedContext: ModuleContext = {}
  ): Promise<ReserveOutcome> {
    const m = txManager(sharedContext)
    const promocode = await ledger.lockByCode(m, code)
    if (!promocode) {
      return { error: PromocodeErrorCode.NOT_FOUND, promocode_id: null }
    }
    const now = new Date()
    const { error, discount } = await evaluateUse(m, promocode, input, now)
    if (error || !discount) {
      return {
        error: error ?? PromocodeErrorCode.NOT_APPLICABLE,
        promocode_id: promocode.id,
      }
    }
    const usageId = await ledger.insertUse(
      m,
      {
        promocode,
        customer_id: input.customer_id,
        purchase_id: input.purchase_id ?? null,
        status: "reserved",
        expires_at: new Date(now.getTime() + ttlMs),
        discount,
      },
      ["reserved"]
    )
    return {
      usage_id: usageId,
      breakdown: discount,
      promocode: {
        id: promocode.id,
        code: promocode.code,
        type: promocode.type,
        value: promocode.value === null ? null : Number(promocode.value),
        currency_code: promocode.currency_code ?? null,
        free_days: promocode.free_days ?? null,
        duration: promocode.duration,
        duration_periods: promocode.duration_periods ?? null,
      },
    }
  }

  @InjectTransactionManager()
  protected async release_(
    usageId: string,
    reason: string,
    input: ReleaseInput,
    @MedusaContext() sharedContext: ModuleContext = {}
  ): Promise<boolean> {
    return await ledger.releaseUsage(
      txManager(sharedContext),
      usageId,
      reason,
      input.purchase_id ?? null
    )
  }

  @InjectTransactionManager()
  protected async redeem_(
    usageId: string,
    input: RedeemInput,
    @MedusaContext() sharedContext: ModuleContext = {}
  ): Promise<void> {
    await ledger.redeemUsage(
      txManager(sharedContext),
      usageId,
      input.purchase_id ?? null
    )
  }

  @InjectTransactionManager()
  protected async releaseExpiredOf_(
    promocodeId: string,
    now: Date,
    @MedusaContext() sharedContext: ModuleContext = {}
  ): Promise<number> {
    return await ledger.releaseExpiredOf(
      txManager(sharedContext),
      promocodeId,
      now
    )
  }

  @InjectManager()
  protected async journalDetached_(
    entries: JournalEntry[],
    @MedusaContext() sharedContext: ModuleContext = {}
  ): Promise<void> {
    for (const entry of entries) {
      if (entry.action === "rejected" && entry.reason) {
        promocodeRejectionsTotal.inc({ reason: entry.reason })
      }
    }
    await insertJournal(readManager(sharedContext), entries)
  }

  protected checkShopperInput_(input: ValidateCodeInput): void {
    requireString(input?.customer_id, "customer_id")
    requireString(input.variant_id, "variant_id")
    requireString(input.currency_code, "currency_code")
    const amount =
      input.amount === null || input.amount === undefined
        ? null
        : MathBN.convert(input.amount)
    if (!amount || amount.isNaN() || amount.isNegative()) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        "amount is required and must be a number of at least 0."
      )
    }
  }
}
