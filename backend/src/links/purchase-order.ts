import { defineLink } from "@medusajs/framework/utils"
import OrderModule from "@medusajs/medusa/order"
import SubscriptionModule from "../modules/subscription"

// The Medusa order recorded for a completed purchase (null until recorded). Read-only: the id is the purchase's own `order_id`, no link table; Query calls it `order`.
export default defineLink(
  { linkable: SubscriptionModule.linkable.purchase, field: "order_id" },
  { linkable: OrderModule.linkable.order, alias: "order" },
  { readOnly: true }
)
