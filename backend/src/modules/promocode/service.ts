import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/knex"
import type {
  BigNumberInput,
  BigNumberRawValue,
  Context,
  DAL,
  InferTypeOf,
  ModulesSdkTypes,
} from "@medusajs/framework/types"
import {
  EmitEvents,
  InjectManager,
  InjectTransactionManager,
  MathBN,
  MedusaContext,
  MedusaError,
  MedusaService,
  generateEntityId,
} from "@medusajs/framework/utils"
import { promocodeRejectionsTotal } from "../../lib/metrics/registry"
import { codeForJournal, normalizeCode, tryNormalizeCode } from "./lib/code"
import {
  CreatePromocodeInput,
  PromocodeRulesInput,
  UpdatePromocodeInput,
  assertWritableKeys,
  normalizeCreateInput,
  normalizeRules,
  NormalizedRules,
} from "./lib/definition"
import { DiscountBreakdown, computeDiscount } from "./lib/discount"
import {
  PromocodeAdminErrorCode,
  PromocodeError,
  PromocodeErrorCode,
} from "./lib/errors"
import { generateCodes, normalizeGenerateOptions } from "./lib/generator"
import { generateIds } from "./lib/ids"
import {
  journalReport,
  searchPromocodeIds,
  usageAggregates,
} from "./lib/queries"
import { checkRules, promocodeStatus } from "./lib/rules"
import {
  JournalEntry,
  bigNumberColumns,
  insertJournal,
  journalInsert,
  runStatement,
  selectRows,
} from "./lib/sql"
import type { PromocodeRuleFields, PromocodeType } from "./lib/types"
import {
  Promocode,
  PromocodeBatch,
  PromocodeJournal,
  PromocodeUsage,
} from "./models"
import type {
  BatchProgress,
  PromocodeBatchDTO,
  PromocodeDTO,
  PromocodeJournalDTO,
  PromocodeModuleOptions,
  PromocodeReport,
  PromocodeUsageDTO,
  PromocodeWithStatus,
  RecordAssignmentInput,
  RedeemInput,
  ReleaseInput,
  RemovePromocodeResult,
  ReportInput,
  ReserveInput,
  SearchPromocodesConfig,
  SearchPromocodesFilters,
  UsageStats,
  ValidateCodeInput,
  ValidateCodeResult,
} from "./types"

export const DEFAULT_RESERVATION_TTL_MS = 15 * 60 * 1000
const MAX_RESERVATION_TTL_MS = 7 * 24 * 60 * 60 * 1000
/** codes per INSERT in bulk generation */
export const GENERATION_CHUNK_SIZE = 5000
/** a running batch silent this long is considered crashed */
const BATCH_STALE_SECONDS = 60
/** expired reservations handled per promo code row lock */
const EXPIRY_CHUNK_SIZE = 500

type Manager = SqlEntityManager
type ModuleContext = Context<Manager>

/** The columns of a promocode row read with raw SQL. */
type PromocodeRow = PromocodeRuleFields & {
  id: string
  code: string
  type: PromocodeType
  value: string | null
}

type UsageRow = {
  id: string
  promocode_id: string
  customer_id: string
  purchase_id: string | null
  status: "reserved" | "redeemed" | "released"
  discount_amount: string | null
  currency_code: string | null
}

type ReserveOutcome =
  | { usage_id: string }
  | { error: PromocodeErrorCode; promocode_id: string | null }

const PROMOCODE_COLUMNS = `id, code, type, value, currency_code, free_days,
  variant_ids, product_ids, customer_ids, starts_at, ends_at, is_active,
  usage_limit, per_customer_limit, first_purchase_only, reserved_count,
  used_count`

function requireString(value: unknown, field: string): string {
  if (typeof value !== "string" || !value.trim().length) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `${field} is required.`
    )
  }
  return value
}

function manager(context: ModuleContext, transactional: boolean): Manager {
  const found = transactional
    ? context.transactionManager
    : context.transactionManager ?? context.manager
  if (!found) {
    throw new MedusaError(
      MedusaError.Types.UNEXPECTED_STATE,
      "The promocode module was called without a database manager."
    )
  }
  return found
}

/**
 * The promo code module.
 *
 * Besides the generated CRUD methods (listPromocodes, retrievePromocode,
 * listAndCountPromocodeUsages, listPromocodeJournals, createPromocodeBatches,
 * ...), it offers the operations the purchase workflow and the admin routes
 * need. Everything that changes a limit counter (`reserve`, `release`,
 * `redeem`, `releaseExpired`) takes the promo code's row lock
 * (`SELECT ... FOR UPDATE`) inside one transaction, so limits hold under any
 * number of concurrent callers on any number of servers.
 *
 * Shopper-facing rejections throw `PromocodeError` (a MedusaError whose `code`
 * is one of the nine PROMOCODE_* codes) and are journaled as `rejected` outside
 * the failed transaction, so the journal row survives.
 */
const PromocodeServiceBase = MedusaService<{
  Promocode: { dto: PromocodeDTO; inputDto: CreatePromocodeInput }
  PromocodeUsage: { dto: PromocodeUsageDTO }
  PromocodeJournal: { dto: PromocodeJournalDTO }
  PromocodeBatch: { dto: PromocodeBatchDTO }
}>({
  Promocode,
  PromocodeUsage,
  PromocodeJournal,
  PromocodeBatch,
})

type InjectedDependencies = {
  baseRepository: DAL.RepositoryService
  promocodeService: ModulesSdkTypes.IMedusaInternalService<typeof Promocode>
}

export default class PromocodeModuleService extends PromocodeServiceBase {
  protected readonly reservationTtlMs_: number
  protected readonly baseRepository_: DAL.RepositoryService
  protected readonly promocodeService_: InjectedDependencies["promocodeService"]

  constructor(
    container: InjectedDependencies,
    options: PromocodeModuleOptions = {}
  ) {
    // eslint-disable-next-line prefer-rest-params
    super(...arguments)
    this.baseRepository_ = container.baseRepository
    this.promocodeService_ = container.promocodeService
    const ttl = options?.reservationTtlMs ?? DEFAULT_RESERVATION_TTL_MS
    this.reservationTtlMs_ = this.checkTtl_(ttl)
  }

  /**
   * Creates promo codes after checking their rules (percent range, currency for
   * fixed, free_days and exactly one variant for free_period, ends_at after
   * starts_at). The code is trimmed and upper-cased; a missing code is
   * generated. Counters cannot be set. Throws INVALID_DATA with code
   * PROMOCODE_INVALID for broken rules and PROMOCODE_DUPLICATE when a code
   * already exists. (Replaces the generated method, which would store any
   * input unchecked.)
   */
  createPromocodes = this.createPromocodesWithRules_

  /**
   * Updates promo codes given as `{ id, ...fields }` or an array of them,
   * re-checking the merged rules exactly like create. Same errors as create;
   * NOT_FOUND for an unknown id. (Replaces the generated method.)
   */
  updatePromocodes = this.updatePromocodesWithRules_

  // ---------------------------------------------------------------------------
  // Definitions
  // ---------------------------------------------------------------------------

  protected async createPromocodesWithRules_(
    data: CreatePromocodeInput,
    sharedContext?: Context
  ): Promise<PromocodeDTO>
  protected async createPromocodesWithRules_(
    data: CreatePromocodeInput[],
    sharedContext?: Context
  ): Promise<PromocodeDTO[]>
  @InjectManager()
  @EmitEvents()
  protected async createPromocodesWithRules_(
    data: CreatePromocodeInput | CreatePromocodeInput[],
    @MedusaContext() sharedContext: ModuleContext = {}
  ): Promise<PromocodeDTO | PromocodeDTO[]> {
    const input = Array.isArray(data) ? data : [data]
    const normalized = input.map((item) => normalizeCreateInput(item))
    const given = normalized
      .map((item) => item.code)
      .filter((code): code is string => code !== null)
    const repeated = given.find((code, i) => given.indexOf(code) !== i)
    if (repeated) {
      throw this.duplicateError_(repeated)
    }
    await this.assertCodesFree_(given, sharedContext)

    const missing = normalized.filter((item) => item.code === null).length
    const generated = missing
      ? await this.freshCodes_(missing, given, sharedContext)
      : []
    const rows = normalized.map((item) => ({
      ...item,
      code: item.code ?? (generated.shift() as string),
    }))

    let created: PromocodeDTO[]
    try {
      created = await this.baseRepository_.serialize<PromocodeDTO[]>(
        await this.promocodeService_.create(rows, sharedContext)
      )
    } catch (error) {
      throw this.mapDuplicate_(error)
    }
    return Array.isArray(data) ? created : created[0]
  }

  protected async updatePromocodesWithRules_(
    data: UpdatePromocodeInput,
    sharedContext?: Context
  ): Promise<PromocodeDTO>
  protected async updatePromocodesWithRules_(
    data: UpdatePromocodeInput[],
    sharedContext?: Context
  ): Promise<PromocodeDTO[]>
  @InjectTransactionManager()
  @EmitEvents()
  protected async updatePromocodesWithRules_(
    data: UpdatePromocodeInput | UpdatePromocodeInput[],
    @MedusaContext() sharedContext: ModuleContext = {}
  ): Promise<PromocodeDTO | PromocodeDTO[]> {
    const input = Array.isArray(data) ? data : [data]
    input.forEach((item) => {
      requireString(item?.id, "id")
      assertWritableKeys(item)
    })
    // lock the rows: the merge below must not lose a concurrent edit
    await selectRows(
      manager(sharedContext, true),
      `SELECT id FROM promocode
       WHERE id IN (SELECT jsonb_array_elements_text(?::jsonb))
       ORDER BY id FOR UPDATE`,
      [JSON.stringify(input.map((item) => item.id))]
    )
    const current = await this.listPromocodes(
      { id: input.map((item) => item.id) },
      {},
      sharedContext
    )
    const byId = new Map(current.map((row) => [row.id, row]))

    const updates = input.map((item) => {
      const existing = byId.get(item.id)
      if (!existing) {
        throw new MedusaError(
          MedusaError.Types.NOT_FOUND,
          `Promocode with id: ${item.id} was not found`
        )
      }
      const merged: PromocodeRulesInput = {
        type: existing.type,
        value:
          (existing.raw_value as BigNumberRawValue | null) ?? existing.value,
        currency_code: existing.currency_code,
        free_days: existing.free_days,
        variant_ids: existing.variant_ids,
        product_ids: existing.product_ids,
        customer_ids: existing.customer_ids,
        starts_at: existing.starts_at,
        ends_at: existing.ends_at,
        is_active: existing.is_active,
        usage_limit: existing.usage_limit,
        per_customer_limit: existing.per_customer_limit,
        first_purchase_only: existing.first_purchase_only,
        description: existing.description,
      }
      const { id, code, batch_id, ...patch } = item
      Object.entries(patch).forEach(([key, value]) => {
        if (value !== undefined) {
          ;(merged as Record<string, unknown>)[key] = value
        }
      })
      const rules = normalizeRules(merged)
      const update: Record<string, unknown> = { id, ...rules }
      if (code !== undefined) {
        const normalized = normalizeCode(code)
        if (normalized !== existing.code) {
          update.code = normalized
        }
      }
      if (batch_id !== undefined) {
        update.batch_id = batch_id
      }
      return update
    })

    const newCodes = updates
      .map((u) => u.code)
      .filter((code): code is string => typeof code === "string")
    const repeated = newCodes.find((code, i) => newCodes.indexOf(code) !== i)
    if (repeated) {
      throw this.duplicateError_(repeated)
    }
    await this.assertCodesFree_(newCodes, sharedContext)

    let updated: PromocodeDTO[]
    try {
      updated = await this.baseRepository_.serialize<PromocodeDTO[]>(
        await this.promocodeService_.update(updates, sharedContext)
      )
    } catch (error) {
      throw this.mapDuplicate_(error)
    }
    return Array.isArray(data) ? updated : updated[0]
  }

  /**
   * The admin list: codes matching `q` (substring of code or description,
   * case-insensitive), any of the `status`es (active, inactive, scheduled,
   * expired, used_up; see `promocodeStatus`), a batch and a type, sorted by
   * `order` and paged by limit/offset. Each code carries its computed
   * `status`. Throws INVALID_DATA for an unknown status or order field.
   */
  @InjectManager()
  async searchPromocodes(
    filters: SearchPromocodesFilters = {},
    config: SearchPromocodesConfig = {},
    @MedusaContext() sharedContext: ModuleContext = {}
  ): Promise<{ promocodes: PromocodeWithStatus[]; count: number }> {
    const now = config.now ?? new Date()
    const { ids, count } = await searchPromocodeIds(
      manager(sharedContext, false),
      filters,
      { ...config, now }
    )
    const rows = ids.length
      ? await this.listPromocodes({ id: ids }, {}, sharedContext)
      : []
    const byId = new Map(rows.map((row) => [row.id, row]))
    const promocodes = ids
      .map((id) => byId.get(id))
      .filter((row): row is PromocodeDTO => !!row)
      .map((row) => ({ ...row, status: promocodeStatus(row, now) }))
    return { promocodes, count }
  }

  /**
   * Deletes a code that was never used; a code with any usage (reserved,
   * redeemed or released) is deactivated instead and keeps its history.
   * Runs under the code's row lock so it cannot race a reservation.
   */
  @InjectTransactionManager()
  async removePromocode(
    id: string,
    @MedusaContext() sharedContext: ModuleContext = {}
  ): Promise<RemovePromocodeResult> {
    const m = manager(sharedContext, true)
    const [row] = await selectRows<{ id: string }>(
      m,
      `SELECT id FROM promocode WHERE id = ? AND deleted_at IS NULL FOR UPDATE`,
      [id]
    )
    if (!row) {
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `Promocode with id: ${id} was not found`
      )
    }
    const [{ used }] = await selectRows<{ used: boolean }>(
      m,
      `SELECT EXISTS (
         SELECT 1 FROM promocode_usage WHERE promocode_id = ?
       ) AS used`,
      [id]
    )
    if (used) {
      await runStatement(
        m,
        `UPDATE promocode SET is_active = false, updated_at = now()
         WHERE id = ?`,
        [id]
      )
      return { id, deleted: false, deactivated: true }
    }
    await runStatement(m, `DELETE FROM promocode WHERE id = ?`, [id])
    return { id, deleted: true, deactivated: false }
  }

  // ---------------------------------------------------------------------------
  // Shopper operations
  // ---------------------------------------------------------------------------

  /**
   * Checks a code for a customer and a plan without holding a use, and returns
   * the code with the discount breakdown (original_amount, discount_amount,
   * total, currency_code). Journals `validated`, or `rejected` with the error
   * code as reason before throwing PromocodeError.
   */
  @InjectManager()
  async validateCode(
    input: ValidateCodeInput,
    @MedusaContext() sharedContext: ModuleContext = {}
  ): Promise<ValidateCodeResult> {
    this.checkShopperInput_(input)
    const code = tryNormalizeCode(input.code)
    const journalBase = {
      code: code ?? codeForJournal(input.code),
      customer_id: input.customer_id,
      purchase_id: input.purchase_id ?? null,
    }
    const [promocode] = code
      ? await this.listPromocodes({ code }, { take: 1 }, sharedContext)
      : []
    if (!promocode) {
      return await this.reject_(
        { ...journalBase, promocode_id: null },
        PromocodeErrorCode.NOT_FOUND
      )
    }

    const customerUses = await this.countCustomerUses_(
      manager(sharedContext, false),
      promocode,
      input.customer_id
    )
    const rules = this.ruleFieldsOf_(promocode)
    let discount: DiscountBreakdown
    try {
      const broken = checkRules(rules, this.ruleContext_(input, customerUses))
      if (broken) {
        throw new PromocodeError(broken)
      }
      discount = computeDiscount(rules, input)
    } catch (error) {
      if (PromocodeError.isPromocodeError(error)) {
        return await this.reject_(
          { ...journalBase, promocode_id: promocode.id },
          error.code as PromocodeErrorCode
        )
      }
      throw error
    }

    await insertJournal(manager(sharedContext, false), [
      {
        ...journalBase,
        promocode_id: promocode.id,
        action: "validated",
        discount_amount: discount.discount_amount,
        currency_code: discount.currency_code,
      },
    ])
    return { promocode, discount }
  }

  /**
   * Validates and holds one use of a code for a customer and a plan. In one
   * transaction: locks the code's row (SELECT ... FOR UPDATE), counts the
   * customer's reserved + redeemed uses, checks every rule, inserts a
   * `reserved` usage expiring after `ttl_ms` (default: the module's
   * `reservationTtlMs`, 15 minutes), increments reserved_count and journals
   * `reserved`. Returns the usage (with original_amount, discount_amount,
   * currency_code). On a rule failure journals `rejected` (outside the
   * transaction) and throws PromocodeError.
   */
  @InjectManager()
  async reserve(
    input: ReserveInput,
    @MedusaContext() sharedContext: ModuleContext = {}
  ): Promise<PromocodeUsageDTO> {
    this.checkShopperInput_(input)
    const ttl =
      input.ttl_ms === undefined
        ? this.reservationTtlMs_
        : this.checkTtl_(input.ttl_ms)
    const code = tryNormalizeCode(input.code)
    const journalBase = {
      code: code ?? codeForJournal(input.code),
      customer_id: input.customer_id,
      purchase_id: input.purchase_id ?? null,
    }
    if (!code) {
      return await this.reject_(
        { ...journalBase, promocode_id: null },
        PromocodeErrorCode.NOT_FOUND
      )
    }

    const outcome = await this.reserve_(code, input, ttl, sharedContext)
    if ("error" in outcome) {
      return await this.reject_(
        { ...journalBase, promocode_id: outcome.promocode_id },
        outcome.error
      )
    }
    return await this.retrievePromocodeUsage(
      outcome.usage_id,
      {},
      sharedContext
    )
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
    const m = manager(sharedContext, false)
    let total = 0
    const seen = new Set<string>()
    for (;;) {
      // codes with expired reservations not handled yet in this call
      const rows = await selectRows<{ promocode_id: string }>(
        m,
        `SELECT DISTINCT promocode_id FROM promocode_usage
         WHERE status = 'reserved' AND expires_at <= ?::timestamptz
           AND deleted_at IS NULL
           AND promocode_id NOT IN (SELECT jsonb_array_elements_text(?::jsonb))
         LIMIT 100`,
        [now.toISOString(), JSON.stringify([...seen])]
      )
      if (!rows.length) {
        break
      }
      for (const row of rows) {
        let released: number
        do {
          released = await this.releaseExpiredOf_(
            row.promocode_id,
            now,
            sharedContext
          )
          total += released
        } while (released === EXPIRY_CHUNK_SIZE)
        seen.add(row.promocode_id)
      }
    }
    return total
  }

  // ---------------------------------------------------------------------------
  // Admin operations
  // ---------------------------------------------------------------------------

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
    await insertJournal(manager(sharedContext, false), [
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

  /**
   * Generates the codes of a batch created beforehand with
   * `createPromocodeBatches({ count, prefix, length, rules })`. Codes are drawn
   * in chunks of 5,000, inserted with `ON CONFLICT (code) DO NOTHING`, and the
   * shortfall is drawn again, so exactly `count` codes unique across the table
   * end up in the batch, all with the same rules (`rules` argument, else the
   * batch's stored rules). Progress is saved to `generated` after every chunk
   * and reported to `onProgress`. Resumes a batch that stopped half way.
   * On failure the batch is marked `failed` with the error and it rethrows.
   */
  @InjectManager()
  async generateBatch(
    batchId: string,
    rules?: PromocodeRulesInput | null,
    onProgress?: (progress: BatchProgress) => void | Promise<void>,
    @MedusaContext() sharedContext: ModuleContext = {}
  ): Promise<PromocodeBatchDTO> {
    const batch = await this.retrievePromocodeBatch(batchId, {}, sharedContext)
    if (batch.status === "completed") {
      return batch
    }
    const m = manager(sharedContext, false)
    try {
      const ruleInput = (rules ?? batch.rules) as PromocodeRulesInput | null
      if (!ruleInput) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          "The batch has no rules for its codes.",
          PromocodeAdminErrorCode.INVALID
        )
      }
      const normalized = normalizeRules(ruleInput)
      const { prefix, length } = normalizeGenerateOptions(batch.count, {
        prefix: batch.prefix ?? "",
        length: batch.length,
      })
      const [{ existing }] = await selectRows<{ existing: number }>(
        m,
        `SELECT count(*)::int AS existing FROM promocode WHERE batch_id = ?`,
        [batchId]
      )
      let generated = existing
      // claim the batch: one runner at a time; a runner silent for a minute
      // (crashed) may be taken over. Every chunk refreshes updated_at.
      const claimed = await runStatement(
        m,
        `UPDATE promocode_batch
         SET status = 'running', generated = ?, rules = ?::jsonb, error = NULL,
             updated_at = now()
         WHERE id = ? AND (status IN ('pending', 'failed')
           OR (status = 'running'
               AND updated_at < now() - make_interval(secs => ?)))`,
        [generated, JSON.stringify(ruleInput), batchId, BATCH_STALE_SECONDS]
      )
      if (!claimed) {
        throw new MedusaError(
          MedusaError.Types.NOT_ALLOWED,
          `Batch ${batchId} is already being generated.`,
          PromocodeAdminErrorCode.BATCH_RUNNING
        )
      }

      let idleRounds = 0
      while (generated < batch.count) {
        const wanted = Math.min(GENERATION_CHUNK_SIZE, batch.count - generated)
        const codes = this.drawCodes_(wanted, prefix, length)
        const inserted = await this.insertBatchChunk_(
          batchId,
          codes,
          normalized,
          generated,
          sharedContext
        )
        generated += inserted
        idleRounds = inserted ? 0 : idleRounds + 1
        if (idleRounds >= 5) {
          throw new MedusaError(
            MedusaError.Types.INVALID_DATA,
            "Could not draw new unique codes: the code space of this " +
              "prefix and length is exhausted.",
            PromocodeAdminErrorCode.INVALID
          )
        }
        await onProgress?.({ batch_id: batchId, generated, count: batch.count })
      }

      await runStatement(
        m,
        `UPDATE promocode_batch SET status = 'completed', updated_at = now()
         WHERE id = ?`,
        [batchId]
      )
    } catch (error) {
      if (
        (error as MedusaError)?.code === PromocodeAdminErrorCode.BATCH_RUNNING
      ) {
        throw error
      }
      const message =
        error instanceof Error ? error.message : "Unknown generation error"
      await runStatement(
        m,
        `UPDATE promocode_batch SET status = 'failed', error = ?,
           updated_at = now()
         WHERE id = ?`,
        [message.slice(0, 2000), batchId]
      )
      throw error
    }
    return await this.retrievePromocodeBatch(batchId, {}, sharedContext)
  }

  /**
   * Numbers for one code: uses by status, distinct customers, discount given
   * per currency, rejections by reason, remaining uses. SQL aggregates only.
   */
  @InjectManager()
  async usageStats(
    promocodeId: string,
    @MedusaContext() sharedContext: ModuleContext = {}
  ): Promise<UsageStats> {
    const promocode = await this.retrievePromocode(
      promocodeId,
      {},
      sharedContext
    )
    return await usageAggregates(manager(sharedContext, false), promocode)
  }

  /**
   * Aggregates the journal over [from, to) (default: the last 30 days), for all
   * codes or one: attempts, validations, reservations, redemptions,
   * assignments, releases, rejections (also by reason), discount given per
   * currency, and the same per UTC day. Every number is a SQL GROUP BY.
   */
  @InjectManager()
  async report(
    input: ReportInput = {},
    @MedusaContext() sharedContext: ModuleContext = {}
  ): Promise<PromocodeReport> {
    return await journalReport(manager(sharedContext, false), input)
  }

  // ---------------------------------------------------------------------------
  // Internals
  // ---------------------------------------------------------------------------

  @InjectTransactionManager()
  protected async reserve_(
    code: string,
    input: ReserveInput,
    ttlMs: number,
    @MedusaContext() sharedContext: ModuleContext = {}
  ): Promise<ReserveOutcome> {
    const m = manager(sharedContext, true)
    const promocode = await this.lockByCode_(m, code)
    if (!promocode) {
      return { error: PromocodeErrorCode.NOT_FOUND, promocode_id: null }
    }
    const customerUses = await this.countCustomerUses_(
      m,
      promocode,
      input.customer_id
    )
    const now = new Date()
    let discount: DiscountBreakdown
    try {
      const broken = checkRules(
        promocode,
        this.ruleContext_(input, customerUses),
        now
      )
      if (broken) {
        return { error: broken, promocode_id: promocode.id }
      }
      discount = computeDiscount(promocode, input)
    } catch (error) {
      if (PromocodeError.isPromocodeError(error)) {
        return {
          error: error.code as PromocodeErrorCode,
          promocode_id: promocode.id,
        }
      }
      throw error
    }

    const usageId = await this.insertUse_(
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
    return { usage_id: usageId }
  }

  @InjectTransactionManager()
  protected async release_(
    usageId: string,
    reason: string,
    input: ReleaseInput,
    @MedusaContext() sharedContext: ModuleContext = {}
  ): Promise<boolean> {
    const m = manager(sharedContext, true)
    const promocode = await this.lockForUsage_(m, usageId)
    const released = await selectRows<UsageRow>(
      m,
      `UPDATE promocode_usage
       SET status = 'released', released_at = now(), release_reason = ?,
           purchase_id = COALESCE(?, purchase_id), updated_at = now()
       WHERE id = ? AND status = 'reserved'
       RETURNING id, customer_id, purchase_id, discount_amount, currency_code`,
      [
        requireString(reason, "reason").slice(0, 255),
        input.purchase_id ?? null,
        usageId,
      ]
    )
    if (!released.length) {
      return false
    }
    await runStatement(
      m,
      `UPDATE promocode SET reserved_count = reserved_count - 1,
         updated_at = now()
       WHERE id = ?`,
      [promocode.id]
    )
    await insertJournal(m, [
      this.usageJournal_(promocode, released[0], "released", reason),
    ])
    return true
  }

  @InjectTransactionManager()
  protected async redeem_(
    usageId: string,
    input: RedeemInput,
    @MedusaContext() sharedContext: ModuleContext = {}
  ): Promise<void> {
    const m = manager(sharedContext, true)
    const promocode = await this.lockForUsage_(m, usageId)
    const redeemed = await selectRows<UsageRow>(
      m,
      `UPDATE promocode_usage
       SET status = 'redeemed', redeemed_at = now(),
           purchase_id = COALESCE(?, purchase_id), updated_at = now()
       WHERE id = ? AND status = 'reserved'
       RETURNING id, customer_id, purchase_id, discount_amount, currency_code`,
      [input.purchase_id ?? null, usageId]
    )
    if (!redeemed.length) {
      const [current] = await selectRows<{ status: string }>(
        m,
        `SELECT status FROM promocode_usage WHERE id = ?`,
        [usageId]
      )
      if (current?.status === "redeemed") {
        return
      }
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Promo code usage ${usageId} was released and can no longer be ` +
          "redeemed.",
        PromocodeAdminErrorCode.USAGE_NOT_RESERVED
      )
    }
    await runStatement(
      m,
      `UPDATE promocode
       SET reserved_count = reserved_count - 1, used_count = used_count + 1,
           updated_at = now()
       WHERE id = ?`,
      [promocode.id]
    )
    await insertJournal(m, [
      this.usageJournal_(promocode, redeemed[0], "redeemed", null),
    ])
  }

  @InjectTransactionManager()
  protected async releaseExpiredOf_(
    promocodeId: string,
    now: Date,
    @MedusaContext() sharedContext: ModuleContext = {}
  ): Promise<number> {
    const m = manager(sharedContext, true)
    const promocode = await this.lockById_(m, promocodeId)
    if (!promocode) {
      return 0
    }
    const released = await selectRows<UsageRow>(
      m,
      `UPDATE promocode_usage
       SET status = 'released', released_at = now(),
           release_reason = 'expired_reservation', updated_at = now()
       WHERE id IN (
         SELECT id FROM promocode_usage
         WHERE promocode_id = ? AND status = 'reserved'
           AND expires_at <= ?::timestamptz AND deleted_at IS NULL
         ORDER BY expires_at
         LIMIT ${EXPIRY_CHUNK_SIZE}
       )
       RETURNING id, customer_id, purchase_id, discount_amount, currency_code`,
      [promocodeId, now.toISOString()]
    )
    if (!released.length) {
      return 0
    }
    await runStatement(
      m,
      `UPDATE promocode SET reserved_count = reserved_count - ?,
         updated_at = now()
       WHERE id = ?`,
      [released.length, promocodeId]
    )
    await insertJournal(
      m,
      released.map((row) =>
        this.usageJournal_(promocode, row, "released", "expired_reservation")
      )
    )
    return released.length
  }

  @InjectTransactionManager()
  protected async insertBatchChunk_(
    batchId: string,
    codes: string[],
    rules: NormalizedRules,
    generatedBefore: number,
    @MedusaContext() sharedContext: ModuleContext = {}
  ): Promise<number> {
    const m = manager(sharedContext, true)
    const ids = generateIds("promo", codes.length)
    const rows = codes.map((code, i) => ({ id: ids[i], code }))
    const value = bigNumberColumns(rules.value)
    const inserted = await runStatement(
      m,
      `INSERT INTO promocode
         (id, code, type, value, raw_value, currency_code, free_days,
          variant_ids, product_ids, customer_ids, starts_at, ends_at,
          is_active, usage_limit, per_customer_limit, first_purchase_only,
          description, batch_id, reserved_count, used_count)
       SELECT x.id, x.code, ?, ?::numeric, ?::jsonb, ?, ?::int, ?::jsonb,
              ?::jsonb, ?::jsonb, ?::timestamptz, ?::timestamptz, ?::boolean,
              ?::int, ?::int, ?::boolean, ?, ?, 0, 0
       FROM jsonb_to_recordset(?::jsonb) AS x(id text, code text)
       ON CONFLICT (code) DO NOTHING`,
      [
        rules.type,
        value.numeric,
        value.raw ? JSON.stringify(value.raw) : null,
        rules.currency_code,
        rules.free_days,
        JSON.stringify(rules.variant_ids),
        JSON.stringify(rules.product_ids),
        JSON.stringify(rules.customer_ids),
        rules.starts_at ? rules.starts_at.toISOString() : null,
        rules.ends_at ? rules.ends_at.toISOString() : null,
        rules.is_active,
        rules.usage_limit,
        rules.per_customer_limit,
        rules.first_purchase_only,
        rules.description,
        batchId,
        JSON.stringify(rows),
      ]
    )
    await runStatement(
      m,
      `UPDATE promocode_batch SET generated = ?, updated_at = now()
       WHERE id = ?`,
      [generatedBefore + inserted, batchId]
    )
    return inserted
  }

  /** The random draw of bulk generation (a seam for tests). */
  protected drawCodes_(
    count: number,
    prefix: string,
    length: number
  ): string[] {
    return generateCodes(count, { prefix, length })
  }

  protected async lockByCode_(
    m: Manager,
    code: string
  ): Promise<PromocodeRow | undefined> {
    const [row] = await selectRows<PromocodeRow>(
      m,
      `SELECT ${PROMOCODE_COLUMNS} FROM promocode
       WHERE code = ? AND deleted_at IS NULL
       FOR UPDATE`,
      [code]
    )
    return row
  }

  /**
   * Locks a code by id. Soft-deleted codes are included by default: uses
   * held on a code must still be released or redeemed after it is deleted.
   */
  protected async lockById_(
    m: Manager,
    id: string,
    { includeDeleted = true }: { includeDeleted?: boolean } = {}
  ): Promise<PromocodeRow | undefined> {
    const [row] = await selectRows<PromocodeRow>(
      m,
      `SELECT ${PROMOCODE_COLUMNS} FROM promocode
       WHERE id = ? ${includeDeleted ? "" : "AND deleted_at IS NULL"}
       FOR UPDATE`,
      [id]
    )
    return row
  }

  /** Locks the promo code row a usage belongs to (codes before usages). */
  protected async lockForUsage_(
    m: Manager,
    usageId: string
  ): Promise<PromocodeRow> {
    const [usage] = await selectRows<{ promocode_id: string }>(
      m,
      `SELECT promocode_id FROM promocode_usage WHERE id = ?`,
      [requireString(usageId, "usage id")]
    )
    const promocode = usage
      ? await this.lockById_(m, usage.promocode_id)
      : undefined
    if (!promocode) {
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `Promo code usage with id: ${usageId} was not found`,
        PromocodeAdminErrorCode.USAGE_NOT_FOUND
      )
    }
    return promocode
  }

  /**
   * The customer's reserved + redeemed uses of a code; skipped (0) when the
   * code has no per-customer limit, since nothing reads it then.
   */
  protected async countCustomerUses_(
    m: Manager,
    promocode: { id: string; per_customer_limit?: number | null },
    customerId: string
  ): Promise<number> {
    if (
      promocode.per_customer_limit === null ||
      promocode.per_customer_limit === undefined
    ) {
      return 0
    }
    const [row] = await selectRows<{ uses: number }>(
      m,
      `SELECT count(*)::int AS uses FROM promocode_usage
       WHERE promocode_id = ? AND customer_id = ?
         AND status IN ('reserved', 'redeemed') AND deleted_at IS NULL`,
      [promocode.id, customerId]
    )
    return row?.uses ?? 0
  }

  /**
   * Inserts a usage, bumps the matching counter (reserved_count for a
   * reservation, used_count for a direct redemption) and journals it, in one
   * statement: the row lock is held for as few round trips as possible.
   */
  protected async insertUse_(
    m: Manager,
    usage: {
      promocode: { id: string; code: string }
      customer_id: string
      purchase_id: string | null
      status: "reserved" | "redeemed"
      expires_at: Date
      discount: DiscountBreakdown | null
    },
    actions: ("reserved" | "redeemed" | "assigned")[]
  ): Promise<string> {
    const id = generateEntityId(undefined, "pcuse")
    const original = bigNumberColumns(usage.discount?.original_amount)
    const discount = bigNumberColumns(usage.discount?.discount_amount)
    const journal = journalInsert(
      actions.map((action) => ({
        promocode_id: usage.promocode.id,
        code: usage.promocode.code,
        customer_id: usage.customer_id,
        purchase_id: usage.purchase_id,
        usage_id: id,
        action,
        discount_amount: usage.discount?.discount_amount ?? null,
        currency_code: usage.discount?.currency_code ?? null,
      }))
    )
    const counter =
      usage.status === "reserved"
        ? "reserved_count = reserved_count + 1"
        : "used_count = used_count + 1"
    await runStatement(
      m,
      `WITH new_usage AS (
         INSERT INTO promocode_usage
           (id, promocode_id, customer_id, purchase_id, status, expires_at,
            original_amount, raw_original_amount, discount_amount,
            raw_discount_amount, currency_code, redeemed_at)
         VALUES (?, ?, ?, ?, ?, ?::timestamptz, ?::numeric, ?::jsonb,
                 ?::numeric, ?::jsonb, ?,
                 CASE WHEN ? = 'redeemed' THEN now() END)
       ), counter AS (
         UPDATE promocode SET ${counter}, updated_at = now() WHERE id = ?
       )
       ${journal.sql}`,
      [
        id,
        usage.promocode.id,
        usage.customer_id,
        usage.purchase_id,
        usage.status,
        usage.expires_at.toISOString(),
        original.numeric,
        original.raw ? JSON.stringify(original.raw) : null,
        discount.numeric,
        discount.raw ? JSON.stringify(discount.raw) : null,
        usage.discount?.currency_code ?? null,
        usage.status,
        usage.promocode.id,
        ...journal.params,
      ]
    )
    return id
  }

  protected usageJournal_(
    promocode: { id: string; code: string },
    usage: UsageRow,
    action: "released" | "redeemed",
    reason: string | null
  ): JournalEntry {
    return {
      promocode_id: promocode.id,
      code: promocode.code,
      customer_id: usage.customer_id,
      purchase_id: usage.purchase_id,
      usage_id: usage.id,
      action,
      reason,
      discount_amount: usage.discount_amount,
      currency_code: usage.currency_code,
    }
  }

  /**
   * Journals a rejection outside any transaction of the caller (a fresh
   * manager, autocommit) so the row survives a rollback, then throws.
   */
  protected async reject_(
    entry: Omit<JournalEntry, "action" | "reason">,
    error: PromocodeErrorCode
  ): Promise<never> {
    promocodeRejectionsTotal.inc({ reason: error })
    await this.journalDetached_([
      { ...entry, action: "rejected", reason: error },
    ])
    throw new PromocodeError(error)
  }

  @InjectManager()
  protected async journalDetached_(
    entries: JournalEntry[],
    @MedusaContext() sharedContext: ModuleContext = {}
  ): Promise<void> {
    await insertJournal(manager(sharedContext, false), entries)
  }

  protected ruleFieldsOf_(promocode: PromocodeDTO): PromocodeRuleFields {
    return {
      ...promocode,
      value:
        (promocode.raw_value as BigNumberRawValue | null) ?? promocode.value,
    }
  }

  protected ruleContext_(input: ValidateCodeInput, customerUses: number) {
    return {
      customer_id: input.customer_id,
      variant_id: input.variant_id,
      product_id: input.product_id ?? null,
      customer_uses: customerUses,
      has_prior_purchase: input.has_prior_purchase ?? false,
    }
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

  protected checkTtl_(ttl: number): number {
    if (!Number.isInteger(ttl) || ttl < 1 || ttl > MAX_RESERVATION_TTL_MS) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        "The reservation time to live must be a whole number of " +
          `milliseconds from 1 to ${MAX_RESERVATION_TTL_MS}.`
      )
    }
    return ttl
  }

  /** Throws PROMOCODE_DUPLICATE when one of the codes is taken. */
  protected async assertCodesFree_(
    codes: string[],
    sharedContext: ModuleContext
  ): Promise<void> {
    if (!codes.length) {
      return
    }
    const taken = await selectRows<{ code: string }>(
      manager(sharedContext, false),
      `SELECT code FROM promocode
       WHERE code IN (SELECT jsonb_array_elements_text(?::jsonb))
       LIMIT 1`,
      [JSON.stringify(codes)]
    )
    if (taken.length) {
      throw this.duplicateError_(taken[0].code)
    }
  }

  /** `count` generated codes that are free now and not in `exclude`. */
  protected async freshCodes_(
    count: number,
    exclude: string[],
    sharedContext: ModuleContext
  ): Promise<string[]> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const codes = generateCodes(count).filter((c) => !exclude.includes(c))
      if (codes.length < count) {
        continue
      }
      const taken = await selectRows<{ code: string }>(
        manager(sharedContext, false),
        `SELECT code FROM promocode
         WHERE code IN (SELECT jsonb_array_elements_text(?::jsonb))`,
        [JSON.stringify(codes)]
      )
      if (!taken.length) {
        return codes
      }
    }
    throw new MedusaError(
      MedusaError.Types.UNEXPECTED_STATE,
      "Could not generate a unique promo code."
    )
  }

  protected duplicateError_(code: string): MedusaError {
    return new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `A promo code ${code} already exists.`,
      PromocodeAdminErrorCode.DUPLICATE
    )
  }

  /** Maps the unique index violation of a race to PROMOCODE_DUPLICATE. */
  protected mapDuplicate_(error: unknown): unknown {
    const message = (error as Error)?.message ?? ""
    if (
      MedusaError.isMedusaError(error as MedusaError) &&
      /already exists/.test(message) &&
      /code/.test(message)
    ) {
      const match = message.match(/code: ([^,\s]+)/)
      return this.duplicateError_(match?.[1] ?? "")
    }
    return error
  }
}
