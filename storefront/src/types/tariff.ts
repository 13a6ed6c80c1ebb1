/**
 * Shapes of `GET /store/tariffs`, inferred from the backend's response schemas (the
 * source of its OpenAPI document, `/docs/openapi.json`). Type-only: no backend code
 * enters the bundle. Amounts in major units.
 */
export type {
  StoreTariff,
  StoreTariffPlan,
  StoreTariffsResponse,
} from "@backend/api/schemas/store"
export type { PlanInterval } from "@backend/api/schemas/purchases"
