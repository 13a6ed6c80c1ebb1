import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import {
  exportPromocodesWorkflow,
  PROMOCODE_EXPORT_CREATED_EVENT,
} from "../workflows/export-promocodes"

/**
 * Builds the CSV of an export started by POST /admin/promocodes/export.
 * Subscribers run on the worker (MEDUSA_WORKER_MODE=worker or shared), so the
 * HTTP servers only record the export and answer 202.
 */
export default async function promocodeExportCreatedHandler({
  event: { data },
  container,
}: SubscriberArgs<{ id: string }>) {
  const { errors } = await exportPromocodesWorkflow(container).run({
    input: { export_id: data.id },
    throwOnError: false,
  })
  if (errors.length) {
    // the step marked the export failed with the error; the admin sees it
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .error(`promo code export ${data.id} failed: ${errors[0].error?.message ?? errors[0].error}`)
  }
}

export const config: SubscriberConfig = {
  event: PROMOCODE_EXPORT_CREATED_EVENT,
}
