import { createBatcher } from "../batcher"

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe("createBatcher", () => {
  it("runs the keys asked for within the delay in one call, each ask getting its own result", async () => {
    const runs: string[][] = []
    const ask = createBatcher(
      async (keys: string[], context: string) => {
        runs.push([context, ...keys])
        return Object.fromEntries(keys.map((key) => [key, `order of ${key}`]))
      },
      { maxSize: 10, delayMs: 20 }
    )
    const answers = await Promise.all([ask("a", "first"), ask("b", "second"), ask("a", "third")])
    expect(answers).toEqual(["order of a", "order of b", "order of a"])
    expect(runs).toEqual([["first", "a", "b"]])
    // a later ask starts a new batch
    expect(await ask("c", "later")).toEqual("order of c")
    expect(runs).toEqual([["first", "a", "b"], ["later", "c"]])
  })

  it("runs a full batch at once and the rest in the next", async () => {
    const runs: string[][] = []
    const ask = createBatcher(
      async (keys: string[]) => {
        runs.push(keys)
        return {}
      },
      { maxSize: 2, delayMs: 10_000 }
    )
    const first = Promise.all([ask("a", null), ask("b", null)])
    expect(runs).toEqual([["a", "b"]])
    expect(await first).toEqual([undefined, undefined])
    const third = ask("c", null)
    await tick(5)
    expect(runs).toHaveLength(1)
    const fourth = ask("d", null)
    await Promise.all([third, fourth])
    expect(runs).toEqual([["a", "b"], ["c", "d"]])
  })

  it("rejects every ask of a failed batch and only those", async () => {
    let fail = true
    const ask = createBatcher(
      async (keys: string[]) => {
        if (fail) throw new Error("database gone")
        return Object.fromEntries(keys.map((key) => [key, key]))
      },
      { maxSize: 10, delayMs: 5 }
    )
    const failed = [ask("a", null), ask("b", null)].map((p) => p.catch((e: Error) => e.message))
    expect(await Promise.all(failed)).toEqual(["database gone", "database gone"])
    fail = false
    expect(await ask("a", null)).toEqual("a")
  })
})
