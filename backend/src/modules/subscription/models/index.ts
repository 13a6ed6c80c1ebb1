export { Purchase } from "./purchase"
export { Subscription } from "./subscription"
export { SubscriptionPlan } from "./subscription-plan"
