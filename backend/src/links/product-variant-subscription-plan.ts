import { defineLink } from "@medusajs/framework/utils"
import ProductModule from "@medusajs/medusa/product"
import SubscriptionModule from "../modules/subscription"

// Each tariff variant (billing plan) has exactly one set of plan terms.
export default defineLink(
  ProductModule.linkable.productVariant,
  SubscriptionModule.linkable.subscriptionPlan
)
