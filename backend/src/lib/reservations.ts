import { DEFAULT_RESERVATION_TTL_MS } from "../modules/promocode"

/** How long a promo code reservation holds (PROMOCODE_RESERVATION_TTL_MS, default 15 minutes). */
export function reservationTtlMs(): number {
  const configured = Number(process.env.PROMOCODE_RESERVATION_TTL_MS)
  return configured > 0 ? configured : DEFAULT_RESERVATION_TTL_MS
}
