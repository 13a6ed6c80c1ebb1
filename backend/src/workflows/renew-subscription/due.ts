import type { DueRow } from "../../modules/subscription"

/** Due subscriptions read per query. */
export const DUE_PAGE = 100

/** Reads one page of due subscriptions after `after` (the service's `listDueRenewals`). */
export type DuePage = (page: { limit: number; after: DueRow | null }) => Promise<DueRow[]>

/**
 * The subscriptions due for the pass, page by page in (ends_at, id) order
 * with a keyset cursor, each once: one renewed during the pass whose new
 * period has also ended shows up again further on and is left to the next
 * pass; one that stays due after an error is never read again.
 */
export async function* dueSubscriptions(listPage: DuePage, limit = DUE_PAGE): AsyncGenerator<DueRow> {
  const seen = new Set<string>()
  let after: DueRow | null = null
  for (;;) {
    const page = await listPage({ limit, after })
    if (!page.length) {
      return
    }
    after = page[page.length - 1]
    for (const row of page) {
      if (!seen.has(row.id)) {
        seen.add(row.id)
        yield row
      }
    }
  }
}

/**
 * Runs `work` on every item of `items`, `concurrency` at a time: that many
 * workers draw from the one stream (an async generator answers concurrent
 * next() calls one after another). `work` must not throw.
 */
export async function drain<T>(items: AsyncIterator<T>, concurrency: number, work: (item: T) => Promise<void>) {
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let next = await items.next(); !next.done; next = await items.next()) {
        await work(next.value)
      }
    })
  )
}
