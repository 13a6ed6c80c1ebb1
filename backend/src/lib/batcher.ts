export type BatcherOptions = {
  /** a batch is run as soon as it holds this many keys */
  maxSize: number
  /** ... or this long after its first key came */
  delayMs: number
}

type Waiter<R> = { resolve: (result: R | undefined) => void; reject: (error: unknown) => void }

/**
 * Gathers the keys asked for within `delayMs` (at most `maxSize`) and runs
 * them in one call of `run`, with the context of the first ask. Each ask
 * resolves with its own key's result (undefined when `run` gave none); when
 * the run fails, every ask of the batch rejects with its error. A key asked
 * twice in a batch is run once and both asks get its result.
 */
export function createBatcher<C, R>(
  run: (keys: string[], context: C) => Promise<Record<string, R>>,
  options: BatcherOptions
) {
  let queue = new Map<string, Waiter<R>[]>()
  let context: C | null = null
  let timer: ReturnType<typeof setTimeout> | null = null

  const flush = () => {
    if (timer) {
      clearTimeout(timer)
      timer = null
    }
    const batch = queue
    const batchContext = context as C
    queue = new Map()
    context = null
    run([...batch.keys()], batchContext).then(
      (results) => batch.forEach((waiters, key) => waiters.forEach((w) => w.resolve(results[key]))),
      (error) => batch.forEach((waiters) => waiters.forEach((w) => w.reject(error)))
    )
  }

  return (key: string, askContext: C): Promise<R | undefined> =>
    new Promise((resolve, reject) => {
      if (!queue.size) {
        context = askContext
      }
      queue.set(key, [...(queue.get(key) ?? []), { resolve, reject }])
      if (queue.size >= options.maxSize) {
        flush()
      } else if (!timer) {
        timer = setTimeout(flush, options.delayMs)
      }
    })
}
