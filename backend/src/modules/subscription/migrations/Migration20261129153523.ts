import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261129153523 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "subscription" drop constraint if exists "subscription_status_check";`);

    this.addSql(`alter table if exists "purchase" add column if not exists "kind" text check ("kind" in ('new', 'extension', 'upgrade', 'renewal')) not null default 'new', add column if not exists "period_start" timestamptz null, add column if not exists "period_end" timestamptz null, add column if not exists "credit_amount" numeric null, add column if not exists "raw_credit_amount" jsonb null;`);

    this.addSql(`drop index if exists "IDX_subscription_one_active_per_customer";`);

    this.addSql(`alter table if exists "subscription" add column if not exists "is_trial" boolean not null default false, add column if not exists "current_period_start" timestamptz null, add column if not exists "period_amount" numeric null, add column if not exists "currency_code" text null, add column if not exists "cancel_at_period_end" boolean not null default false, add column if not exists "canceled_at" timestamptz null, add column if not exists "pending_variant_id" text null, add column if not exists "payment_method" jsonb null, add column if not exists "raw_period_amount" jsonb null;`);
    // Existing rows: `replaced` ones keep their dates and end as `canceled`
    // (not live); a subscription whose last purchase cost 0 without a promo
    // code is a Trial; the current period and its value come from the
    // subscription's dates and its last purchase.
    this.addSql(`update "subscription" set "status" = 'canceled', "canceled_at" = "ends_at" where "status" = 'replaced';`);
    this.addSql(`update "subscription" set "current_period_start" = "starts_at" where "current_period_start" is null;`);
    this.addSql(`alter table if exists "subscription" alter column "current_period_start" set not null;`);
    this.addSql(`update "subscription" s set "period_amount" = p."total", "raw_period_amount" = p."raw_total", "currency_code" = p."currency_code", "is_trial" = (p."total" = 0 and p."promocode" is null) from "purchase" p where p."id" = s."last_purchase_id";`);
    this.addSql(`update "subscription" set "status" = 'trialing' where "status" = 'active' and "is_trial";`);
    this.addSql(`update "purchase" set "period_start" = "completed_at", "period_end" = "completed_at" + ("interval_count" || ' ' || "interval")::interval where "status" = 'completed' and "period_start" is null;`);
    this.addSql(`alter table if exists "subscription" add constraint "subscription_status_check" check("status" in ('trialing', 'active', 'past_due', 'canceled', 'expired'));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_subscription_one_live_per_customer" ON "subscription" ("customer_id") WHERE status IN ('trialing', 'active', 'past_due') AND deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "subscription" drop constraint if exists "subscription_status_check";`);
    this.addSql(`update "subscription" set "status" = case when "status" in ('trialing', 'past_due') then 'active' when "status" = 'canceled' then 'replaced' else "status" end;`);

    this.addSql(`alter table if exists "purchase" drop column if exists "kind", drop column if exists "period_start", drop column if exists "period_end", drop column if exists "credit_amount", drop column if exists "raw_credit_amount";`);

    this.addSql(`drop index if exists "IDX_subscription_one_live_per_customer";`);
    this.addSql(`alter table if exists "subscription" drop column if exists "is_trial", drop column if exists "current_period_start", drop column if exists "period_amount", drop column if exists "currency_code", drop column if exists "cancel_at_period_end", drop column if exists "canceled_at", drop column if exists "pending_variant_id", drop column if exists "payment_method", drop column if exists "raw_period_amount";`);

    this.addSql(`alter table if exists "subscription" add constraint "subscription_status_check" check("status" in ('active', 'expired', 'replaced'));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_subscription_one_active_per_customer" ON "subscription" ("customer_id") WHERE status = 'active' AND deleted_at IS NULL;`);
  }

}
