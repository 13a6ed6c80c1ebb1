import { batchInsert } from "../lib/batches"
import { currentRules, mergeRules } from "../lib/crud"
import {
  JOURNAL_ACTIONS,
  PROMOCODE_TYPES,
  RULE_KEYS,
  USAGE_STATUSES,
  normalizeRules,
} from "../lib/definition"
import { PROMOCODE_COLUMNS } from "../lib/ledger"
import { Promocode, PromocodeJournal, PromocodeUsage } from "../models"
import type { PromocodeDTO } from "../types"

/**
 * A rule field is declared once (RULE_KEYS in lib/definition.ts); the raw SQL
 * and the update's merge derive their lists from it. These tests fail when a
 * rule field is missing from any of them, or when the model grows a column
 * that is neither a rule field nor one of the known others.
 */

/** Columns of `promocode` that are not rules: identity, counters, relations. */
const NON_RULE_COLUMNS = [
  "id",
  "code",
  "batch_id",
  "reserved_count",
  "used_count",
  "validated_count",
  "usages",
  // the exact twin of `value` (model.bigNumber), stored with it
  "raw_value",
  // added by model.define to every model
  "created_at",
  "updated_at",
  "deleted_at",
]

type Schema = Record<string, { parse(name: string): { dataType: { options?: { choices?: unknown } } } }>

function modelColumns(entity: unknown): string[] {
  return Object.keys((entity as { schema: Schema }).schema)
}

function enumValues(entity: unknown, field: string): unknown {
  return (entity as { schema: Schema }).schema[field].parse(field).dataType.options?.choices
}

/** A stored code whose every rule field holds a value of its own. */
function storedCode(): PromocodeDTO {
  return {
    id: "promo_1",
    code: "RULES",
    type: "fixed",
    value: 150,
    raw_value: { value: "150", precision: 20 },
    currency_code: "rub",
    free_days: 7,
    variant_ids: ["variant_a"],
    product_ids: ["prod_a"],
    customer_ids: ["cus_a"],
    starts_at: new Date("2030-01-01T00:00:00Z"),
    ends_at: new Date("2030-02-01T00:00:00Z"),
    is_active: false,
    usage_limit: 10,
    per_customer_limit: 3,
    first_purchase_only: true,
    description: "every rule set",
    batch_id: null,
    reserved_count: 0,
    used_count: 0,
  } as unknown as PromocodeDTO
}

describe("rule fields are declared once", () => {
  it("RULE_KEYS plus the known non-rule columns are exactly the model's columns", () => {
    expect([...RULE_KEYS, ...NON_RULE_COLUMNS].sort()).toEqual(
      modelColumns(Promocode).sort()
    )
  })

  it("the columns read under the row lock include every rule field", () => {
    const missing = RULE_KEYS.filter((key) => !PROMOCODE_COLUMNS.includes(key))
    expect(missing).toEqual([])
  })

  it("an update's merge starts from every stored rule field", () => {
    const stored = storedCode()
    const merged = currentRules(stored) as Record<string, unknown>
    expect(Object.keys(merged).sort()).toEqual([...RULE_KEYS].sort())
    const lost = RULE_KEYS.filter(
      (key) =>
        key !== "value" &&
        merged[key] !== (stored as unknown as Record<string, unknown>)[key]
    )
    expect(lost).toEqual([])
    // the exact decimal, not the float
    expect(merged.value).toEqual(stored.raw_value)

    // a patch changes what it sets and keeps the rest
    const patched = mergeRules(stored, { usage_limit: 99, description: undefined })
    expect(patched).toEqual({ ...merged, usage_limit: 99 })
  })

  it("normalized rules have exactly the rule fields", () => {
    expect(Object.keys(normalizeRules({ type: "percentage", value: 5 })).sort()).toEqual(
      [...RULE_KEYS].sort()
    )
  })

  it("the batch INSERT stores every rule field, one parameter per placeholder", () => {
    const rules = normalizeRules({
      type: "fixed",
      value: "150.5",
      currency_code: "RUB",
      variant_ids: ["variant_a"],
      product_ids: ["prod_a"],
      customer_ids: ["cus_a"],
      starts_at: "2030-01-01T00:00:00Z",
      ends_at: "2030-02-01T00:00:00Z",
      is_active: false,
      usage_limit: 10,
      per_customer_limit: 3,
      first_purchase_only: true,
      description: "every rule set",
    })
    const { sql, params } = batchInsert("pcbatch_1", [{ id: "promo_1", code: "A" }], rules)
    const columns = sql
      .slice(sql.indexOf("(") + 1, sql.indexOf(")"))
      .split(",")
      .map((column) => column.trim())
    const missing = RULE_KEYS.filter((key) => !columns.includes(key))
    expect(missing).toEqual([])
    expect(columns).toEqual(expect.arrayContaining(["raw_value", "batch_id"]))
    expect(sql.match(/\?/g)?.length).toEqual(params.length)
    expect(params).toEqual(
      expect.arrayContaining([
        "fixed",
        "150.5",
        "rub",
        JSON.stringify(["variant_a"]),
        JSON.stringify(["prod_a"]),
        JSON.stringify(["cus_a"]),
        "2030-01-01T00:00:00.000Z",
        "2030-02-01T00:00:00.000Z",
        false,
        10,
        3,
        true,
        "every rule set",
        "pcbatch_1",
      ])
    )
  })
})

describe("the module's lists are the models' lists", () => {
  it("types, journal actions and usage statuses come from lib/definition.ts", () => {
    expect(enumValues(Promocode, "type")).toEqual([...PROMOCODE_TYPES])
    expect(enumValues(PromocodeJournal, "action")).toEqual([...JOURNAL_ACTIONS])
    expect(enumValues(PromocodeUsage, "status")).toEqual([...USAGE_STATUSES])
  })
})
