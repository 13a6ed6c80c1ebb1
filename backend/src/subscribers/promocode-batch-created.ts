import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import {
  generatePromocodesWorkflow,
  PROMOCODE_BATCH_CREATED_EVENT,
} from "../workflows/generate-promocodes"

/**
 * Generates the codes of a batch recorded by POST /admin/promocodes/generate.
 * Subscribers run on the worker (MEDUSA_WORKER_MODE=worker or shared), so the
 * HTTP servers only record the batch and answer 202.
 */
export default async function promocodeBatchCreatedHandler({
  event: { data },
  container,
}: SubscriberArgs<{ id: string }>) {
  const { errors } = await generatePromocodesWorkflow(container).run({
    input: { batch_id: data.id },
    throwOnError: false,
  })
  if (errors.length) {
    // the module marked the batch failed with the error; the admin sees it
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .error(`promo code batch ${data.id} failed: ${errors[0].error?.message ?? errors[0].error}`)
  }
}

export const config: SubscriberConfig = {
  event: PROMOCODE_BATCH_CREATED_EVENT,
}
