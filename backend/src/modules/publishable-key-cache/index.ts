import { Module, Modules } from "@medusajs/framework/utils"
import PublishableKeyCacheService from "./service"

/**
 * Registered as Medusa's Caching Module (`Modules.CACHING`) with the `caching`
 * feature flag on: caches the store's publishable-key lookup for a few
 * seconds and nothing else (see service.ts).
 */
export default Module(Modules.CACHING, { service: PublishableKeyCacheService })
