import { InjectManager, InjectTransactionManager, MedusaContext } from "@medusajs/framework/utils"
import type { ModuleContext } from "../../../lib/sql"
import * as exportsSql from "../lib/export"
import { PromocodeBatches } from "./batches"
import { readManager, txManager } from "./definitions"

/**
 * The fourth part of the promo code module's service (../service.ts is its
 * entry point): what the background CSV export reads and claims (SQL in
 * lib/export.ts; the export workflow writes the file through the File Module).
 */
export class PromocodeExports extends PromocodeBatches {
  /** One keyset page of an export, in code id order. */
  @InjectManager()
  async readExportPage(
    input: exportsSql.ExportPageInput,
    @MedusaContext() sharedContext: ModuleContext = {}
  ) {
    return await exportsSql.readExportPage(readManager(sharedContext), input)
  }

  /** How many codes an export of a batch (or of all codes) writes. */
  @InjectManager()
  async countExportRows(batchId: string | null, @MedusaContext() sharedContext: ModuleContext = {}) {
    return await exportsSql.countExportRows(readManager(sharedContext), batchId)
  }

  /** Claims a pending export for one runner; false if it is not pending. */
  @InjectTransactionManager()
  async claimExport(id: string, @MedusaContext() sharedContext: ModuleContext = {}) {
    return await exportsSql.claimExport(txManager(sharedContext), id)
  }

  /** Sets abandoned exports back to pending; returns their ids and partial files. */
  @InjectTransactionManager()
  async requeueStaleExports(staleMs: number, @MedusaContext() sharedContext: ModuleContext = {}) {
    return await exportsSql.requeueStaleExports(txManager(sharedContext), staleMs)
  }
}
