import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  PROMOCODE_MODULE,
  type PromocodeBatchDTO,
  type PromocodeModuleService,
  type PromocodeRulesInput,
} from "../../../modules/promocode"
import { normalizeRules } from "../../../modules/promocode/lib/definition"
import { normalizeGenerateOptions } from "../../../modules/promocode/lib/generator"

export type CreatePromocodeBatchInput = {
  count: number
  prefix?: string | null
  length?: number | null
  rules: PromocodeRulesInput
}

/**
 * Checks a generation request the way the module will (rules, prefix, length
 * long enough for `count` unique codes) and records the batch as `pending`
 * with its rules, so a bad request is a 400 before anything runs.
 * Compensation: deletes the batch.
 */
export const createPromocodeBatchStep = createStep(
  "create-promocode-batch",
  async (input: CreatePromocodeBatchInput, { container }) => {
    normalizeRules(input.rules)
    const { prefix, length } = normalizeGenerateOptions(input.count, {
      prefix: input.prefix ?? "",
      length: input.length ?? undefined,
    })
    const promocodes = container.resolve<PromocodeModuleService>(PROMOCODE_MODULE)
    const batch: PromocodeBatchDTO = await promocodes.createPromocodeBatches({
      count: input.count,
      prefix,
      length,
      // JSON: dates become ISO strings, which the module parses back
      rules: JSON.parse(JSON.stringify(input.rules)),
    })
    return new StepResponse(batch, batch.id)
  },
  async (batchId, { container }) => {
    if (!batchId) return
    const promocodes = container.resolve<PromocodeModuleService>(PROMOCODE_MODULE)
    await promocodes.deletePromocodeBatches(batchId)
  }
)
