import { PromocodeExports } from "./parts/exports"

export { DEFAULT_RESERVATION_TTL_MS } from "./lib/ledger"
export { GENERATION_CHUNK_SIZE } from "./lib/batches"

/**
 * The promo code module's service: its one public entry point (routes,
 * workflows and jobs resolve it as `promocode`).
 *
 * It is written in parts, one per job, each a class the next one extends so
 * that Medusa's decorators (managers, transactions, events) work on every
 * method; the SQL of each job is in a plain file beside it:
 *
 * | part                   | job                                                        | SQL              |
 * | ---------------------- | ---------------------------------------------------------- | ---------------- |
 * | `parts/definitions.ts` | generated CRUD, create/update with rules, remove; search, stats, report | `lib/crud.ts`, `lib/queries.ts` |
 * | `parts/ledger.ts`      | may this customer use this code (`checkCode`, `validateCode`); reserve, release, redeem, expire | `lib/evaluate.ts`, `lib/ledger.ts` |
 * | `parts/batches.ts`     | bulk generation of a batch                                 | `lib/batches.ts` |
 * | `parts/exports.ts`     | what the background CSV export reads and claims            | `lib/export.ts`  |
 *
 * The rules themselves are pure: `lib/definition.ts` (the lists and rule
 * fields, and their validation), `lib/rules.ts` (checkRules), `lib/discount.ts`
 * (computeDiscount), `lib/journal.ts` (the journal's writer).
 *
 * Everything that changes a limit counter (`reserve`, `release`, `redeem`,
 * `releaseExpired`) takes the promo code's row lock (`SELECT ... FOR
 * UPDATE`) inside one transaction, so limits hold under any number of
 * concurrent callers on any number of servers. Shopper-facing rejections throw
 * `PromocodeError` (a MedusaError whose `code` is one of the nine PROMOCODE_*
 * codes) and are journaled as `rejected` outside the failed transaction, so
 * the journal row survives.
 */
export default class PromocodeModuleService extends PromocodeExports {}
