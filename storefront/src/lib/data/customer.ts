import "server-only"
import { FetchError } from "@medusajs/js-sdk"
import type { Locale } from "next-intl"
import { BACKEND_TIMEOUT_MS, readFromBackend, sdk } from "@/lib/config"
import { redirect } from "@/i18n/navigation"
import { signInHref } from "@/lib/util/return-path"
import type { StoreCustomer } from "@/types/customer"
import { getAuthToken } from "./cookies"

export type CustomerResult =
  | { status: "ok"; customer: StoreCustomer }
  | { status: "signed_out" }
  | { status: "unavailable" }

/** `GET /store/customers/me` with the given token; a 401 means the token is no good. */
export async function retrieveCustomer(
  token: string,
  locale: string
): Promise<CustomerResult> {
  try {
    const { customer } = await readFromBackend(() =>
      sdk.client.fetch<{ customer: StoreCustomer }>("/store/customers/me", {
        headers: {
          authorization: `Bearer ${token}`,
          "accept-language": locale,
        },
        cache: "no-store",
        signal: AbortSignal.timeout(BACKEND_TIMEOUT_MS),
      })
    )
    return { status: "ok", customer }
  } catch (error) {
    if (error instanceof FetchError && error.status === 401) {
      return { status: "signed_out" }
    }
    console.error("Could not load the customer:", error)
    return { status: "unavailable" }
  }
}

export type SignedInCustomer =
  | { status: "ok"; token: string; customer: StoreCustomer }
  | { status: "unavailable" }

/**
 * For pages only a signed-in customer may see: the token and the customer, or a redirect
 * to the sign-in page that comes back to `returnPath` (a path without the locale prefix).
 */
export async function requireCustomer(
  locale: Locale,
  returnPath: string
): Promise<SignedInCustomer> {
  const token = await getAuthToken()
  const result = token
    ? await retrieveCustomer(token, locale)
    : ({ status: "signed_out" } as const)

  if (result.status === "signed_out" || !token) {
    return redirect({ href: signInHref(returnPath), locale })
  }
  if (result.status === "unavailable") {
    return { status: "unavailable" }
  }
  return { status: "ok", token, customer: result.customer }
}
