import { defineLink } from "@medusajs/framework/utils"
import ProductModule from "@medusajs/medusa/product"
import SubscriptionModule from "../modules/subscription"

// The plan (tariff variant) bought. Read-only: the id is the purchase's own `variant_id`, no link table; Query calls it `purchased_variant`.
export default defineLink(
  { linkable: SubscriptionModule.linkable.purchase, field: "variant_id" },
  { linkable: ProductModule.linkable.productVariant, alias: "purchased_variant" },
  { readOnly: true }
)
