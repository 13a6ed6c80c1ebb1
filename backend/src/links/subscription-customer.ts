import { defineLink } from "@medusajs/framework/utils"
import CustomerModule from "@medusajs/medusa/customer"
import SubscriptionModule from "../modules/subscription"

// Whose subscription it is. Read-only: the id is the subscription's own `customer_id`, no link table; Query calls it `subscriber`.
export default defineLink(
  { linkable: SubscriptionModule.linkable.subscription, field: "customer_id" },
  { linkable: CustomerModule.linkable.customer, alias: "subscriber" },
  { readOnly: true }
)
