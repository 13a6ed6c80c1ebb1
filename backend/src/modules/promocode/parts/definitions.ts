import type { Context, DAL, Logger, ModulesSdkTypes } from "@medusajs/framework/types"
import {
  EmitEvents,
  InjectManager,
  InjectTransactionManager,
  MedusaContext,
  MedusaError,
  MedusaService,
} from "@medusajs/framework/utils"
import { type ModuleContext, managerOf } from "../../../lib/sql"
import { normalizeCode } from "../lib/code"
import * as crud from "../lib/crud"
import {
  CreatePromocodeInput,
  UpdatePromocodeInput,
  assertWritableKeys,
  normalizeCreateInput,
  normalizeRules,
} from "../lib/definition"
import {
  DEFAULT_RESERVATION_TTL_MS,
  checkReservationTtl,
  requireString,
} from "../lib/ledger"
import {
  journalReport,
  searchPromocodeIds,
  usageAggregates,
} from "../lib/queries"
import { promocodeStatus } from "../lib/rules"
import { DEFAULT_VIEWS_FLUSH_MS, checkViewsFlushMs } from "../lib/views"
import {
  Promocode,
  PromocodeBatch,
  PromocodeExport,
  PromocodeJournal,
  PromocodeUsage,
} from "../models"
import type {
  PromocodeBatchDTO,
  PromocodeDTO,
  PromocodeExportDTO,
  PromocodeJournalDTO,
  PromocodeModuleOptions,
  PromocodeReport,
  PromocodeUsageDTO,
  PromocodeWithStatus,
  RemovePromocodeResult,
  ReportInput,
  SearchPromocodesConfig,
  SearchPromocodesFilters,
  UsageStats,
} from "../types"

const MODULE = { module: "promocode" }
/** The call's manager: its transaction's, else the plain one. */
export const readManager = (context: ModuleContext) =>
  managerOf(context, { ...MODULE, transactional: false })
/** The call's transaction (under @InjectTransactionManager). */
export const txManager = (context: ModuleContext) =>
  managerOf(context, { ...MODULE, transactional: true })

/**
 * The first part of the promo code module's service (../service.ts is its
 * entry point): the generated CRUD methods, code definitions (created and
 * updated with their rules checked, removed or deactivated), search and
 * reports. The SQL is in lib/crud.ts and lib/queries.ts.
 */
const PromocodeServiceBase = MedusaService<{
  Promocode: { dto: PromocodeDTO; inputDto: CreatePromocodeInput }
  PromocodeUsage: { dto: PromocodeUsageDTO }
  PromocodeJournal: { dto: PromocodeJournalDTO }
  PromocodeBatch: { dto: PromocodeBatchDTO }
  PromocodeExport: { dto: PromocodeExportDTO }
}>({
  Promocode,
  PromocodeUsage,
  PromocodeJournal,
  PromocodeBatch,
  PromocodeExport,
})

type InjectedDependencies = {
  logger?: Logger
  baseRepository: DAL.RepositoryService
  promocodeService: ModulesSdkTypes.IMedusaInternalService<typeof Promocode>
}

export class PromocodeDefinitions extends PromocodeServiceBase {
  protected readonly reservationTtlMs_: number
  protected readonly viewsFlushMs_: number
  protected readonly logger_?: Logger
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
    this.reservationTtlMs_ = checkReservationTtl(
      options?.reservationTtlMs ?? DEFAULT_RESERVATION_TTL_MS
    )
    this.viewsFlushMs_ = checkViewsFlushMs(
      options?.viewsFlushMs ?? DEFAULT_VIEWS_FLUSH_MS
    )
    this.logger_ = container.logger
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
    const m = readManager(sharedContext)
    await crud.assertCodesFree(m, given)

    const missing = normalized.filter((item) => item.code === null).length
    const generated = missing ? await crud.freshCodes(m, missing, given) : []
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
      throw crud.mapDuplicate(error)
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
    const ids = input.map((item) => item.id)
    // lock the rows: the merge below must not lose a concurrent edit
    await crud.lockPromocodes(txManager(sharedContext), ids)
    const current = await this.listPromocodes({ id: ids }, {}, sharedContext)
    const byId = new Map(current.map((row) => [row.id, row]))

    const updates = input.map((item) => {
      const existing = byId.get(item.id)
      if (!existing) {
        throw new MedusaError(
          MedusaError.Types.NOT_FOUND,
          `Promocode with id: ${item.id} was not found`
        )
      }
      const { id, code, batch_id, ...patch } = item
      const update: Record<string, unknown> = {
        id,
        ...normalizeRules(crud.mergeRules(existing, patch)),
      }
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
    await crud.assertCodesFree(readManager(sharedContext), newCodes)

    let updated: PromocodeDTO[]
    try {
      updated = await this.baseRepository_.serialize<PromocodeDTO[]>(
        await this.promocodeService_.update(updates, sharedContext)
      )
    } catch (error) {
      throw crud.mapDuplicate(error)
    }
    return Array.isArray(data) ? updated : updated[0]
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
    return await crud.removeOrDeactivate(txManager(sharedContext), id)
  }

  // search and reports (lib/queries.ts)

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
      readManager(sharedContext),
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
    return await usageAggregates(readManager(sharedContext), promocode)
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
    return await journalReport(readManager(sharedContext), input)
  }
}
