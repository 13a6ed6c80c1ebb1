import { defineLink } from "@medusajs/framework/utils"
import ProductModule from "@medusajs/medusa/product"
import SubscriptionModule from "../modules/subscription"

// The current plan of the subscription. Read-only: the id is the subscription's own `variant_id`, no link table.
export default defineLink(
  { linkable: SubscriptionModule.linkable.subscription, field: "variant_id" },
  ProductModule.linkable.productVariant,
  { readOnly: true }
)
