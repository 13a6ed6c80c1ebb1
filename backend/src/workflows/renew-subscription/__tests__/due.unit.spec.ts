import type { DueRow } from "../../../modules/subscription"
import { drain, dueSubscriptions, type DuePage } from "../due"

const row = (i: number, ends_at = "2026-01-01 00:00:00+00"): DueRow => ({
  id: `sub_${String(i).padStart(5, "0")}`,
  customer_id: `cus_${i}`,
  ends_at,
})

/** listDueRenewals over rows that all stay due (every renewal errored): keyset pages, as lib/renewal.ts reads them. */
function stillDue(rows: DueRow[]) {
  const calls: { limit: number; after: string | null }[] = []
  const listPage: DuePage = async ({ limit, after }) => {
    calls.push({ limit, after: after?.id ?? null })
    if (calls.length > 1000) throw new Error("the pages never end")
    const start = after ? rows.findIndex((r) => r.id === after.id) + 1 : 0
    return rows.slice(start, start + limit)
  }
  return { calls, listPage }
}

const collect = async (items: AsyncIterable<DueRow>) => {
  const ids: string[] = []
  for await (const item of items) ids.push(item.id)
  return ids
}

describe("dueSubscriptions", () => {
  it("reads every due row once, page after page from the last row, whatever stays due", async () => {
    const rows = Array.from({ length: 250 }, (_, i) => row(i))
    const { calls, listPage } = stillDue(rows)

    expect(await collect(dueSubscriptions(listPage))).toEqual(rows.map((r) => r.id))
    // 100 + 100 + 50, then the empty page: never a growing page, never a row twice
    expect(calls).toEqual([
      { limit: 100, after: null },
      { limit: 100, after: "sub_00099" },
      { limit: 100, after: "sub_00199" },
      { limit: 100, after: "sub_00249" },
    ])
  })

  it("yields a row met again further on (renewed into a period that has also ended) only once", async () => {
    const pages = [[row(1), row(2)], [row(3), row(1, "2026-02-01 00:00:00+00")], []]
    const listPage: DuePage = async () => pages.shift() ?? []
    expect(await collect(dueSubscriptions(listPage, 2))).toEqual(["sub_00001", "sub_00002", "sub_00003"])
  })
})

describe("drain", () => {
  it("works on every item once, never more than `concurrency` at a time", async () => {
    const rows = Array.from({ length: 37 }, (_, i) => row(i))
    const { listPage } = stillDue(rows)
    const done: string[] = []
    let running = 0
    let most = 0
    await drain(dueSubscriptions(listPage, 10), 4, async (item) => {
      running += 1
      most = Math.max(most, running)
      await new Promise((resolve) => setTimeout(resolve, 1 + (Number(item.id.slice(4)) % 3)))
      done.push(item.id)
      running -= 1
    })
    expect([...done].sort()).toEqual(rows.map((r) => r.id))
    expect(most).toBe(4)
  })

  it("with concurrency 1 goes in order", async () => {
    const rows = Array.from({ length: 5 }, (_, i) => row(i))
    const done: string[] = []
    await drain(dueSubscriptions(stillDue(rows).listPage, 2), 1, async (item) => {
      done.push(item.id)
    })
    expect(done).toEqual(rows.map((r) => r.id))
  })
})
