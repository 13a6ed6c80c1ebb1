import {
  InjectManager,
  InjectTransactionManager,
  MedusaContext,
  MedusaError,
} from "@medusajs/framework/utils"
import type { ModuleContext } from "../../../lib/sql"
import * as batches from "../lib/batches"
import {
  NormalizedRules,
  PromocodeRulesInput,
  normalizeRules,
} from "../lib/definition"
import { PromocodeAdminErrorCode } from "../lib/errors"
import { generateCodes, normalizeGenerateOptions } from "../lib/generator"
import type { BatchProgress, PromocodeBatchDTO } from "../types"
import { readManager, txManager } from "./definitions"
import { PromocodeLedger } from "./ledger"

/**
 * The third part of the promo code module's service (../service.ts is its
 * entry point): bulk generation of a batch's codes (SQL in lib/batches.ts).
 */
export class PromocodeBatches extends PromocodeLedger {
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
    const m = readManager(sharedContext)
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
      const generated = await batches.countBatchCodes(m, batchId)
      await batches.claimBatch(m, batchId, generated, ruleInput)
      await batches.generateMissing({
        count: batch.count,
        generated,
        draw: (count) => this.drawCodes_(count, prefix, length),
        insert: (codes, before) =>
          this.insertBatchChunk_(batchId, codes, normalized, before, sharedContext),
        onProgress: (done) =>
          onProgress?.({ batch_id: batchId, generated: done, count: batch.count }),
      })
      await batches.completeBatch(m, batchId)
    } catch (error) {
      if ((error as MedusaError)?.code === PromocodeAdminErrorCode.BATCH_RUNNING) {
        throw error
      }
      await batches.failBatch(m, batchId, error)
      throw error
    }
    return await this.retrievePromocodeBatch(batchId, {}, sharedContext)
  }

  /** The random draw of bulk generation (a seam for tests). */
  protected drawCodes_(
    count: number,
    prefix: string,
    length: number
  ): string[] {
    return generateCodes(count, { prefix, length })
  }

  @InjectTransactionManager()
  protected async insertBatchChunk_(
    batchId: string,
    codes: string[],
    rules: NormalizedRules,
    generatedBefore: number,
    @MedusaContext() sharedContext: ModuleContext = {}
  ): Promise<number> {
    return await batches.insertBatchChunk(
      txManager(sharedContext),
      batchId,
      codes,
      rules,
      generatedBefore
    )
  }
}
