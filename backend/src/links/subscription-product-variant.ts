import { defineLink } from "@medusajs/framework/utils"
import ProductModule from "@medusajs/medusa/product"
import SubscriptionModule from "../modules/subscription"

// The current plan of the subscription. Read-only: the id is the subscription's own `variant_id`, no link table; Query calls it `subscribed_variant`.
export default defineLink(
  { linkable: SubscriptionModule.linkable.subscription, field: "variant_id" },
  { linkable: ProductModule.linkable.productVariant, alias: "subscribed_variant" },
  { readOnly: true }
)
