import {
  MiddlewareRoute,
  validateAndTransformBody,
  validateAndTransformQuery,
} from "@medusajs/framework/http"
import { refuseDenseBatch } from "../../../lib/rate-limit/code-space"
import {
  AdminCreatePromocode,
  AdminEmptyBody,
  AdminExportPromocodesParams,
  AdminGeneratePromocodes,
  AdminGetPromocodeParams,
  AdminListBatchesParams,
  AdminListJournalParams,
  AdminListPromocodesParams,
  AdminListUsagesParams,
  AdminReportExportParams,
  AdminReportParams,
  AdminUpdatePromocode,
  AdminValidatePromocode,
} from "./validators"

/**
 * Validation of the /admin/promocodes routes. Authentication (admin session,
 * bearer token or secret API key) is Medusa's own for every /admin route.
 * Static paths (export, journal, report, ...) are matched before `:id`.
 * A batch too dense to be safe from guessing is refused (lib/rate-limit/code-space).
 */
export const adminPromocodesMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/admin/promocodes",
    methods: ["GET"],
    middlewares: [validateAndTransformQuery(AdminListPromocodesParams, {})],
  },
  {
    matcher: "/admin/promocodes",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(AdminCreatePromocode)],
  },
  {
    matcher: "/admin/promocodes/generate",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(AdminGeneratePromocodes), refuseDenseBatch],
  },
  {
    matcher: "/admin/promocodes/validate",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(AdminValidatePromocode)],
  },
  {
    matcher: "/admin/promocodes/batches",
    methods: ["GET"],
    middlewares: [validateAndTransformQuery(AdminListBatchesParams, {})],
  },
  {
    matcher: "/admin/promocodes/batches/:id",
    methods: ["GET"],
    middlewares: [validateAndTransformQuery(AdminGetPromocodeParams, {})],
  },
  {
    matcher: "/admin/promocodes/batches/:id/resume",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(AdminEmptyBody)],
  },
  {
    matcher: "/admin/promocodes/export",
    methods: ["GET"],
    middlewares: [validateAndTransformQuery(AdminExportPromocodesParams, {})],
  },
  {
    matcher: "/admin/promocodes/export",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(AdminExportPromocodesParams)],
  },
  {
    matcher: "/admin/promocodes/export/:id",
    methods: ["GET"],
    middlewares: [validateAndTransformQuery(AdminGetPromocodeParams, {})],
  },
  {
    matcher: "/admin/promocodes/export/:id/download",
    methods: ["GET"],
    middlewares: [validateAndTransformQuery(AdminGetPromocodeParams, {})],
  },
  {
    matcher: "/admin/promocodes/journal",
    methods: ["GET"],
    middlewares: [validateAndTransformQuery(AdminListJournalParams, {})],
  },
  {
    matcher: "/admin/promocodes/report",
    methods: ["GET"],
    middlewares: [validateAndTransformQuery(AdminReportParams, {})],
  },
  {
    matcher: "/admin/promocodes/report/export",
    methods: ["GET"],
    middlewares: [validateAndTransformQuery(AdminReportExportParams, {})],
  },
  {
    matcher: "/admin/promocodes/:id",
    methods: ["GET", "DELETE"],
    middlewares: [validateAndTransformQuery(AdminGetPromocodeParams, {})],
  },
  {
    matcher: "/admin/promocodes/:id",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(AdminUpdatePromocode)],
  },
  {
    matcher: "/admin/promocodes/:id/usages",
    methods: ["GET"],
    middlewares: [validateAndTransformQuery(AdminListUsagesParams, {})],
  },
]
