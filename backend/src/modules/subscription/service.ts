import { MedusaService } from "@medusajs/framework/utils"
import { SubscriptionPlan } from "./models/subscription-plan"

export default class SubscriptionModuleService extends MedusaService({
  SubscriptionPlan,
}) {}
