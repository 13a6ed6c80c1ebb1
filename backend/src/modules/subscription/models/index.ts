export { Purchase } from "./purchase"
export { Subscription } from "./subscription"
export { SubscriptionEvent } from "./subscription-event"
export { SubscriptionPlan } from "./subscription-plan"
