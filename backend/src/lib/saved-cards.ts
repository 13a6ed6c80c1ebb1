import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import type { PaymentMethod } from "../modules/subscription"
import { paymentProviderId } from "../workflows/purchase-tariff/steps/charge-payment"

/** The provider refused to save the card (error-messages.ts has its text). */
export const PAYMENT_INVALID_TOKEN = "PAYMENT_INVALID_TOKEN"

type AccountHolder = { id: string; provider_id: string; data: Record<string, unknown> }

export type SavedCard = { payment_method: PaymentMethod; account_holder_id: string }

/**
 * The customer's account holder at the payment provider (Medusa's
 * customer ↔ account_holder link), created and linked on first use, as
 * Medusa's own createPaymentSessionsWorkflow does.
 */
async function accountHolderOf(container: MedusaContainer, customerId: string): Promise<AccountHolder> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const payments = container.resolve(Modules.PAYMENT)
  const providerId = paymentProviderId()
  const { data: [customer] } = await query.graph({
    entity: "customer",
    fields: ["id", "email", "first_name", "last_name", "phone", "account_holders.*"],
    filters: { id: customerId },
  })
  const existing = (customer?.account_holders ?? []).find((holder) => holder?.provider_id === providerId)
  if (existing) {
    return existing as AccountHolder
  }
  const holder = await payments.createAccountHolder({
    provider_id: providerId,
    context: {
      customer: {
        id: customerId,
        email: customer?.email ?? "",
        first_name: customer?.first_name ?? null,
        last_name: customer?.last_name ?? null,
        phone: customer?.phone ?? null,
      },
    },
  })
  await container.resolve(ContainerRegistrationKeys.LINK).create({
    [Modules.CUSTOMER]: { customer_id: customerId },
    [Modules.PAYMENT]: { account_holder_id: holder.id },
  })
  return holder as AccountHolder
}

function cardOf(id: string, data: Record<string, unknown> | undefined): PaymentMethod {
  // the emulator's shape, then a card object as gateways nest it
  const card = (data?.card ?? data ?? {}) as { brand?: unknown; last4?: unknown }
  return {
    id,
    brand: typeof card.brand === "string" ? card.brand : "card",
    last4: typeof card.last4 === "string" ? card.last4 : "",
  }
}

/**
 * Saves the card behind a payment token for off-session renewals, through
 * the Payment Module (`createPaymentMethods` on the customer's account
 * holder). A provider that keeps its customer's cards in the account holder's
 * data (the emulator: `payment_methods`) gets the card listed there, so
 * `listPaymentMethods` shows it. A token the provider refuses: 400
 * PAYMENT_INVALID_TOKEN.
 */
export async function saveCard(
  container: MedusaContainer,
  input: { customer_id: string; token: string }
): Promise<SavedCard> {
  const payments = container.resolve(Modules.PAYMENT)
  const providerId = paymentProviderId()
  const holder = await accountHolderOf(container, input.customer_id)
  const method = await payments
    .createPaymentMethods({
      provider_id: providerId,
      data: { token: input.token },
      context: { account_holder: holder },
    })
    .catch((error: Error) => {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `The card could not be saved: ${error.message}`,
        PAYMENT_INVALID_TOKEN
      )
    })
  const listed = holder.data?.payment_methods
  if (Array.isArray(listed)) {
    await payments.updateAccountHolder({
      id: holder.id,
      provider_id: providerId,
      context: {
        account_holder: { ...holder, data: { ...holder.data, payment_methods: [...listed, method.data] } },
      },
    })
  }
  return { payment_method: cardOf(method.id, method.data), account_holder_id: holder.id }
}
