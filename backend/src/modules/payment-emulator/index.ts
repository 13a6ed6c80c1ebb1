import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import EmulatorPaymentProviderService from "./service"

/** `pp_<identifier>_<id in medusa-config>`: the provider is registered with id "emulator". */
export const EMULATOR_PAYMENT_PROVIDER_ID = "pp_emulator_emulator"

export default ModuleProvider(Modules.PAYMENT, {
  services: [EmulatorPaymentProviderService],
})
