/** About how many gridlines a chart's value axis gets. */
const TICKS = 4

/**
 * A whole, round step for about `TICKS` gridlines up to `max`: 1, 2 or 5
 * times a power of ten (counts are whole numbers, so never below 1).
 */
export function niceStep(max: number): number {
  const rough = Math.max(1, max / TICKS)
  const power = Math.pow(10, Math.floor(Math.log10(rough)))
  for (const step of [1, 2, 5, 10]) {
    if (step * power >= rough) {
      return step * power
    }
  }
  return 10 * power
}

/** The value axis of a chart whose highest value is `highest`: its top and its gridlines. */
export function valueAxis(highest: number): { max: number; ticks: number[] } {
  const step = niceStep(highest)
  const max = Math.max(step, Math.ceil(highest / step) * step)
  const ticks = Array.from({ length: Math.round(max / step) + 1 }, (_, i) => i * step)
  return { max, ticks }
}
