import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/** Renewals: saved card, auto-renew, Trial conversion, dunning state; one renewal charge per period. */
export class Migration20261129163000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "subscription" add column if not exists "auto_renew" boolean not null default false, add column if not exists "convert_to_variant_id" text null, add column if not exists "account_holder_id" text null, add column if not exists "payment_method_charges" integer not null default 0, add column if not exists "renewal_period_start" timestamptz null, add column if not exists "renewal_attempts" integer not null default 0, add column if not exists "next_attempt_at" timestamptz null;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_subscription_renewal_due" ON "subscription" ("status", "ends_at", "next_attempt_at") WHERE auto_renew = true AND deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_purchase_renewal_once_per_period" ON "purchase" ("subscription_id", "period_start") WHERE kind = 'renewal' AND status <> 'failed' AND deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_purchase_renewal_once_per_period";`);
    this.addSql(`drop index if exists "IDX_subscription_renewal_due";`);
    this.addSql(`alter table if exists "subscription" drop column if exists "auto_renew", drop column if exists "convert_to_variant_id", drop column if exists "account_holder_id", drop column if exists "payment_method_charges", drop column if exists "renewal_period_start", drop column if exists "renewal_attempts", drop column if exists "next_attempt_at";`);
  }

}
