import type { AuthenticatedMedusaRequest, MedusaNextFunction, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { preferredLanguage, type Lang } from "../lib/i18n"

/**
 * A customer's language for notifications: `customer.metadata.locale` ("ru"
 * or "en"), which the store routes the shopper acts through (purchase,
 * cancel, resume, card) set from the request's `Accept-Language` (the
 * storefront sends its page language). Russian until the customer has acted
 * in a language we have.
 */
export const CUSTOMER_LOCALE_KEY = "locale"
export const DEFAULT_NOTIFICATION_LANGUAGE: Lang = "ru"

export function customerLanguage(metadata: Record<string, unknown> | null | undefined): Lang {
  const stored = metadata?.[CUSTOMER_LOCALE_KEY]
  return stored === "en" || stored === "ru" ? stored : DEFAULT_NOTIFICATION_LANGUAGE
}

/** Stores `lang` on the customer unless it is already there; one read, a write only on a change. */
export async function rememberLanguage(container: MedusaContainer, customerId: string, lang: Lang): Promise<void> {
  const customers = container.resolve(Modules.CUSTOMER)
  const [customer] = await customers.listCustomers({ id: customerId }, { select: ["id", "metadata"], take: 1 })
  if (!customer || customer.metadata?.[CUSTOMER_LOCALE_KEY] === lang) {
    return
  }
  await customers.updateCustomers(customerId, { metadata: { ...customer.metadata, [CUSTOMER_LOCALE_KEY]: lang } })
}

/**
 * Middleware (after `authenticate("customer")`): remembers the language the
 * signed-in customer acts in, when `Accept-Language` names ru or en. Before
 * the route, so the notifications the action causes use it; a failure is
 * logged and never fails the request.
 */
export async function rememberCustomerLanguage(
  req: AuthenticatedMedusaRequest,
  _res: MedusaResponse,
  next: MedusaNextFunction
) {
  const lang = preferredLanguage(req.get?.("accept-language") ?? req.headers?.["accept-language"])
  const customerId = req.auth_context?.actor_id
  if (lang && customerId) {
    await rememberLanguage(req.scope, customerId, lang).catch((error: Error) =>
      req.scope
        .resolve(ContainerRegistrationKeys.LOGGER)
        .warn(`Could not store the language of customer ${customerId}: ${error.message}`)
    )
  }
  next()
}
