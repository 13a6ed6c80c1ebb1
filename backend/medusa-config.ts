import { createSecretKey } from "node:crypto"
import { defineConfig, loadEnv, Modules } from "@medusajs/framework/utils"

loadEnv(process.env.NODE_ENV || "development", process.cwd())

const isProduction = process.env.NODE_ENV === "production"
const redisUrl = process.env.REDIS_URL

// The admin's session cookie is `Secure` in production (Medusa's default), and
// browsers drop a Secure cookie on plain http: the admin login then loops.
// COOKIE_SECURE=false for a production run served over http (localhost, or a
// load balancer without TLS); true behind HTTPS. Default: true in production.
const cookieSecure = process.env.COOKIE_SECURE
  ? process.env.COOKIE_SECURE === "true"
  : isProduction

function secret(name: string): string {
  const value = process.env[name]
  if (value) {
    return value
  }
  if (isProduction) {
    throw new Error(`${name} must be set when NODE_ENV=production`)
  }
  return "dev-only-not-a-secret"
}

// With REDIS_URL the event bus, workflow engine and locking are shared
// between processes (several servers + a worker). Without it the event bus,
// workflow engine and cache live in memory, and locks are PostgreSQL's (so that
// two servers on one database still serialize a customer's purchases).
const postgresLocking = {
  key: Modules.LOCKING,
  resolve: "@medusajs/medusa/locking",
  options: {
    providers: [
      {
        // Medusa's PostgreSQL provider, with locks of a killed process taken over
        resolve: "./src/modules/locking-postgres",
        id: "locking-postgres",
        is_default: true,
      },
    ],
  },
}

const redisModules = redisUrl
  ? [
      {
        key: Modules.EVENT_BUS,
        resolve: "@medusajs/medusa/event-bus-redis",
        options: { redisUrl },
      },
      {
        key: Modules.WORKFLOW_ENGINE,
        resolve: "@medusajs/medusa/workflow-engine-redis",
        options: { redis: { redisUrl } },
      },
      {
        key: Modules.LOCKING,
        resolve: "@medusajs/medusa/locking",
        options: {
          providers: [
            {
              resolve: "@medusajs/medusa/locking-redis",
              id: "locking-redis",
              is_default: true,
              options: { redisUrl },
            },
          ],
        },
      },
    ]
  : [postgresLocking]

// Notifications (src/notifications): the shopper's subscription messages go
// out on the `email` channel. With SENDGRID_API_KEY, SendGrid sends them (from
// SENDGRID_FROM, as HTML + subject); without it the local provider writes them
// to the log (development, tests). Another provider is another entry with
// `channels: ["email"]`. The local provider keeps the admin's in-app `feed`
// channel, as Medusa's default configuration has it.
if (process.env.SENDGRID_API_KEY && !process.env.SENDGRID_FROM) {
  throw new Error("SENDGRID_FROM (the sender address) must be set with SENDGRID_API_KEY")
}
const emailProvider = process.env.SENDGRID_API_KEY
  ? {
      resolve: "@medusajs/medusa/notification-sendgrid",
      id: "sendgrid",
      options: {
        channels: ["email"],
        api_key: process.env.SENDGRID_API_KEY,
        from: process.env.SENDGRID_FROM,
      },
    }
  : null

const notificationModule = {
  key: Modules.NOTIFICATION,
  resolve: "@medusajs/medusa/notification",
  options: {
    providers: [
      {
        resolve: "@medusajs/medusa/notification-local",
        id: "local",
        options: {
          name: "Local Notification Provider",
          channels: emailProvider ? ["feed"] : ["feed", "email"],
        },
      },
      ...(emailProvider ? [emailProvider] : []),
    ],
  },
}

module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    redisUrl,
    workerMode: (process.env.MEDUSA_WORKER_MODE as
      | "shared"
      | "worker"
      | "server") || "shared",
    http: {
      storeCors: process.env.STORE_CORS || "http://localhost:3000",
      adminCors: process.env.ADMIN_CORS || "http://localhost:9000",
      authCors:
        process.env.AUTH_CORS || "http://localhost:3000,http://localhost:9000",
      // A KeyObject rather than a string: given a string, jsonwebtoken first
      // tries to parse it as a PEM public key (and throws) on every verified
      // request, which cost ~18% of the server's CPU on a purchase preview.
      jwtSecret: createSecretKey(Buffer.from(secret("JWT_SECRET"), "utf8")),
      cookieSecret: secret("COOKIE_SECRET"),
    },
    // spread last over Medusa's session cookie options (sameSite stays Medusa's)
    cookieOptions: { secure: cookieSecure },
  },
  admin: {
    disable: process.env.ADMIN_DISABLED === "true",
    // "/": the dashboard calls the server that serves it, whatever its port or
    // the load balancer in front (baked in at `medusa build`)
    backendUrl: process.env.MEDUSA_ADMIN_BACKEND_URL || "/",
  },
  modules: [
    { resolve: "./src/modules/subscription" },
    {
      resolve: "./src/modules/promocode",
      options: {
        // how long a purchase in progress holds a promo code use [15 minutes]
        reservationTtlMs: Number(process.env.PROMOCODE_RESERVATION_TTL_MS) || undefined,
        // how long usable previews are counted in memory before one write adds
        // them to the codes' validated_count (admin's views) [5000 ms; 0: at once]
        viewsFlushMs: process.env.PROMOCODE_VIEWS_FLUSH_MS
          ? Number(process.env.PROMOCODE_VIEWS_FLUSH_MS)
          : undefined,
      },
    },
    {
      // Payments go through Medusa's Payment Module; the emulator provider
      // (provider id `pp_emulator_emulator`) decides by a test token.
      resolve: "@medusajs/medusa/payment",
      options: {
        providers: [
          {
            resolve: "./src/modules/payment-emulator",
            id: "emulator",
            options: {
              declineRate: Number(process.env.PAYMENT_EMULATOR_DECLINE_RATE || 0),
              delayMs: Number(process.env.PAYMENT_EMULATOR_DELAY_MS || 0),
              // a tariff is paid in full at once: capture in the authorization
              // (one Payment Module call instead of two) unless turned off
              autoCapture: process.env.PAYMENT_EMULATOR_AUTO_CAPTURE !== "false",
            },
          },
        ],
      },
    },
    // Catalog texts (tariff and plan titles, descriptions) in ru and en:
    // GET /store/tariffs answers in the request's language; admins edit them
    // in Settings → Translations.
    { resolve: "@medusajs/medusa/translation" },
    notificationModule,
    // Medusa's Caching Module slot holds a cache of the publishable-key lookup
    // Medusa's store middleware makes on every /store request, per process, for
    // PUBLISHABLE_KEY_CACHE_TTL_MS [5000 ms; 0 = off]: a revoked key works on for
    // at most that long. Nothing else is cached (src/modules/publishable-key-cache).
    {
      key: Modules.CACHING,
      resolve: "./src/modules/publishable-key-cache",
      options: {
        ttlMs: process.env.PUBLISHABLE_KEY_CACHE_TTL_MS
          ? Number(process.env.PUBLISHABLE_KEY_CACHE_TTL_MS)
          : undefined,
      },
    },
    ...redisModules,
  ],
  featureFlags: {
    translation: true,
    // Medusa asks the Caching Module (above) before a query.graph with cache options
    caching: true,
  },
})
