import { defineLink } from "@medusajs/framework/utils"
import CustomerModule from "@medusajs/medusa/customer"
import SubscriptionModule from "../modules/subscription"

// Who made the purchase. Read-only: the id is the purchase's own `customer_id`, no link table; Query calls it `buyer`.
export default defineLink(
  { linkable: SubscriptionModule.linkable.purchase, field: "customer_id" },
  { linkable: CustomerModule.linkable.customer, alias: "buyer" },
  { readOnly: true }
)
