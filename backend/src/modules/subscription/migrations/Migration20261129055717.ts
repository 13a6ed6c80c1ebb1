import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261129055717 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "purchase" drop constraint if exists "purchase_customer_idempotency_key_unique";`);
    this.addSql(`create table if not exists "purchase" ("id" text not null, "customer_id" text not null, "product_id" text not null, "variant_id" text not null, "interval" text check ("interval" in ('day', 'month', 'year')) not null, "interval_count" integer not null, "status" text check ("status" in ('pending', 'completed', 'failed')) not null default 'pending', "original_amount" numeric not null, "discount_amount" numeric not null, "total" numeric not null, "currency_code" text not null, "promocode" text null, "promocode_usage_id" text null, "payment_collection_id" text null, "payment_id" text null, "failure_reason" text null, "idempotency_key" text null, "subscription_id" text null, "order_id" text null, "completed_at" timestamptz null, "raw_original_amount" jsonb not null, "raw_discount_amount" jsonb not null, "raw_total" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "purchase_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_purchase_deleted_at" ON "purchase" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_purchase_customer_idempotency_key_unique" ON "purchase" ("customer_id", "idempotency_key") WHERE idempotency_key IS NOT NULL AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_purchase_customer_id_created_at" ON "purchase" ("customer_id", "created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_purchase_status" ON "purchase" ("status") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_purchase_promocode" ON "purchase" ("promocode") WHERE promocode IS NOT NULL AND deleted_at IS NULL;`);

    this.addSql(`create table if not exists "subscription" ("id" text not null, "customer_id" text not null, "product_id" text not null, "variant_id" text not null, "status" text check ("status" in ('active', 'expired', 'replaced')) not null default 'active', "starts_at" timestamptz not null, "ends_at" timestamptz not null, "last_purchase_id" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "subscription_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_subscription_deleted_at" ON "subscription" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_subscription_customer_id_status" ON "subscription" ("customer_id", "status") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_subscription_status_ends_at" ON "subscription" ("status", "ends_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_subscription_one_active_per_customer" ON "subscription" ("customer_id") WHERE status = 'active' AND deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "purchase" cascade;`);

    this.addSql(`drop table if exists "subscription" cascade;`);
  }

}
