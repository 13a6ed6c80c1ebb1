import { ViewBuffer, checkViewsFlushMs } from "../lib/views"

describe("ViewBuffer", () => {
  it("counts views per code and hands them over once", () => {
    const views = new ViewBuffer()
    views.add("promo_a")
    views.add("promo_b")
    views.add("promo_a")
    expect(views.size).toBe(3)
    expect([...views.take()]).toEqual([
      ["promo_a", 2],
      ["promo_b", 1],
    ])
    expect(views.size).toBe(0)
    expect(views.take().size).toBe(0)
  })

  it("puts back a failed write's views on top of those counted meanwhile", () => {
    const views = new ViewBuffer()
    views.add("promo_a")
    const taken = views.take()
    views.add("promo_a")
    views.add("promo_c")
    views.restore(taken)
    expect([...views.take()]).toEqual([
      ["promo_a", 2],
      ["promo_c", 1],
    ])
  })
})

describe("ViewBuffer.flushIn", () => {
  beforeEach(() => jest.useFakeTimers())
  afterEach(() => jest.useRealTimers())

  it("runs one flush per interval however many views come; a failure waits for the next view", async () => {
    const views = new ViewBuffer()
    const errors: unknown[] = []
    let runs = 0
    const flush = async () => {
      runs++
      if (runs === 2) throw new Error("database away")
    }
    const onError = (e: unknown) => errors.push(e)
    views.flushIn(1000, flush, onError)
    views.flushIn(1000, flush, onError)
    await jest.advanceTimersByTimeAsync(999)
    expect(runs).toBe(0)
    await jest.advanceTimersByTimeAsync(1)
    expect(runs).toBe(1)
    // the next view schedules the next run
    views.flushIn(1000, flush, onError)
    await jest.advanceTimersByTimeAsync(1000)
    expect(runs).toBe(2)
    expect(errors).toHaveLength(1)
    await jest.advanceTimersByTimeAsync(5000)
    expect(runs).toBe(2)
    views.flushIn(1000, () => Promise.reject(new Error("sync or not")), onError)
    views.take()
    // a flush made meanwhile (take) leaves no run scheduled
    await jest.advanceTimersByTimeAsync(2000)
    expect(errors).toHaveLength(1)
    // a flush that throws at once is reported, not thrown from the timer
    views.flushIn(10, () => {
      throw new Error("stopped module")
    }, onError)
    await jest.advanceTimersByTimeAsync(10)
    expect(errors).toHaveLength(2)
  })
})

describe("checkViewsFlushMs", () => {
  it.each([0, 1, 5000, 3_600_000])("accepts %p", (ms) => {
    expect(checkViewsFlushMs(ms)).toBe(ms)
  })
  it.each([-1, 1.5, 3_600_001, "5000", null, Number.NaN])("refuses %p", (ms) => {
    expect(() => checkViewsFlushMs(ms)).toThrow(/viewsFlushMs/)
  })
})
