import { z } from "@medusajs/framework/zod"

/*
 * Building blocks of the response schemas (see docs/ARCHITECTURE-openapi.md).
 * Responses are described as the client receives them: JSON, so dates are ISO
 * strings and amounts are numbers in major units (399 = 399 RUB). Objects are
 * closed: a field a route adds without adding it here fails the contract test.
 */

/** An ISO 8601 date-time as JSON.stringify writes a Date. */
export const timestamp = z.iso.datetime({ offset: true })

/** An amount in major units. */
export const amount = z.number()

export const currencyCode = z.string()

export const amountByCurrency = z.object({
  currency_code: z.string().nullable(),
  amount,
})

export type AmountByCurrency = z.infer<typeof amountByCurrency>

export const reasonCount = z.object({ reason: z.string().nullable(), count: z.number().int() })
export type ReasonCount = z.infer<typeof reasonCount>

/** `{ [key]: items, count, limit, offset }`, the shape of every paged list. */
export function paged<K extends string, T extends z.ZodType>(key: K, item: T) {
  return z.object({
    [key]: z.array(item),
    count: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
  } as { [P in K]: z.ZodArray<T> } & {
    count: z.ZodNumber
    limit: z.ZodNumber
    offset: z.ZodNumber
  })
}

/**
 * Medusa's error shape. `code` is one of ours (listed per route in the
 * registry) or absent (request validation, authentication); `type` is
 * Medusa's error type (`invalid_data`, `not_found`, `unauthorized`, ...).
 */
export const MedusaErrorBody = z.object({
  type: z.string(),
  code: z.string().optional(),
  message: z.string(),
})
export type MedusaErrorBody = z.infer<typeof MedusaErrorBody>

/** The error shape with `code` limited to the given codes (or absent). */
export function errorBody(codes: readonly string[]) {
  return MedusaErrorBody.extend({
    code: codes.length ? z.enum(codes as [string, ...string[]]).optional() : z.string().optional(),
  })
}

/** 401 from Medusa's authentication: a message only. */
export const UnauthorizedBody = z.object({
  type: z.string().optional(),
  message: z.string(),
})
