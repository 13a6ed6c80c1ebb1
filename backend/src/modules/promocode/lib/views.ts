/**
 * Shoppers' previews that found a code usable ("views"), counted in memory
 * per process and written to the codes' `validated_count` in one statement
 * per flush, so that a preview writes nothing. The owner flushes on a timer
 * (`viewsFlushMs` after the first unwritten view) and at shutdown; a flush
 * that fails puts its counts back for the next one.
 */
export class ViewBuffer {
  private pending = new Map<string, number>()
  private timer: NodeJS.Timeout | null = null

  /** Counts one view of the code `promocodeId`. */
  add(promocodeId: string): void {
    this.pending.set(promocodeId, (this.pending.get(promocodeId) ?? 0) + 1)
  }

  /** Views not written yet, in total. */
  get size(): number {
    let total = 0
    for (const n of this.pending.values()) total += n
    return total
  }

  /** Hands over every unwritten view (code id → count) and starts afresh (no run left scheduled). */
  take(): Map<string, number> {
    if (this.timer) {
      clearTimeout(this.timer)
      this.timer = null
    }
    const taken = this.pending
    this.pending = new Map()
    return taken
  }

  /**
   * Runs `flush` in `ms` unless a run is already scheduled. A failed run is
   * reported to `onError`; its views stay for the run the next view
   * schedules (or the shutdown's). The timer keeps no process alive.
   */
  flushIn(ms: number, flush: () => Promise<unknown>, onError: (error: unknown) => void): void {
    if (this.timer) {
      return
    }
    this.timer = setTimeout(() => {
      this.timer = null
      Promise.resolve().then(flush).catch(onError)
    }, ms)
    this.timer.unref()
  }

  /** Puts back views a failed write took. */
  restore(views: ReadonlyMap<string, number>): void {
    for (const [id, n] of views) {
      this.pending.set(id, (this.pending.get(id) ?? 0) + n)
    }
  }
}

/** Default delay before counted views are written, in ms. */
export const DEFAULT_VIEWS_FLUSH_MS = 5000

/** `viewsFlushMs`: 0 writes each view at once (as a statement of its own). */
export function checkViewsFlushMs(ms: unknown): number {
  if (typeof ms !== "number" || !Number.isInteger(ms) || ms < 0 || ms > 3_600_000) {
    throw new Error(`viewsFlushMs must be an integer from 0 to 3600000 ms, got ${String(ms)}`)
  }
  return ms
}
