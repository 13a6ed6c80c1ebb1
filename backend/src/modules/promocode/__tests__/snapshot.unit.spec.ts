import { WRITABLE_KEYS } from "../lib/definition"
import { writableSnapshot } from "../lib/snapshot"

describe("writableSnapshot", () => {
  it("keeps every field an admin can set, and only those, with the exact amount", () => {
    const stored: Record<string, unknown> = {
      id: "promo_1",
      used_count: 3,
      reserved_count: 1,
      created_at: new Date(),
      raw_value: { value: "10.55", precision: 20 },
    }
    WRITABLE_KEYS.forEach((key, i) => {
      stored[key] = `${key}-${i}`
    })
    const snapshot = writableSnapshot(stored) as Record<string, unknown>
    expect(Object.keys(snapshot).sort()).toEqual([...WRITABLE_KEYS].sort())
    WRITABLE_KEYS.filter((key) => key !== "value").forEach((key) => {
      expect(snapshot[key]).toEqual(stored[key])
    })
    expect(snapshot.value).toEqual({ value: "10.55", precision: 20 })
  })

  it("turns missing fields into null and falls back to the plain value", () => {
    const snapshot = writableSnapshot({ code: "A", type: "fixed", value: 5 }) as Record<string, unknown>
    expect(snapshot.value).toEqual(5)
    expect(snapshot.ends_at).toBeNull()
    expect(snapshot.batch_id).toBeNull()
  })
})
