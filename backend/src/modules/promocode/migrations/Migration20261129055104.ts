import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261129055104 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "promocode" drop constraint if exists "promocode_code_unique";`);
    this.addSql(`create table if not exists "promocode" ("id" text not null, "code" text not null, "type" text check ("type" in ('percentage', 'fixed', 'free_period')) not null, "value" numeric null, "currency_code" text null, "free_days" integer null, "variant_ids" jsonb not null default '[]', "product_ids" jsonb not null default '[]', "customer_ids" jsonb not null default '[]', "starts_at" timestamptz null, "ends_at" timestamptz null, "is_active" boolean not null default true, "usage_limit" integer null, "per_customer_limit" integer null default 1, "first_purchase_only" boolean not null default false, "description" text null, "batch_id" text null, "reserved_count" integer not null default 0, "used_count" integer not null default 0, "raw_value" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "promocode_pkey" primary key ("id"), constraint promocode_counters_not_negative check (reserved_count >= 0 AND used_count >= 0));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_promocode_deleted_at" ON "promocode" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_promocode_code_unique" ON "promocode" ("code");`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_promocode_batch_id" ON "promocode" ("batch_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "promocode_batch" ("id" text not null, "count" integer not null, "generated" integer not null default 0, "status" text check ("status" in ('pending', 'running', 'completed', 'failed')) not null default 'pending', "prefix" text not null default '', "length" integer not null default 8, "rules" jsonb null, "error" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "promocode_batch_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_promocode_batch_deleted_at" ON "promocode_batch" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "promocode_journal" ("id" text not null, "promocode_id" text null, "code" text not null, "customer_id" text null, "purchase_id" text null, "usage_id" text null, "action" text check ("action" in ('validated', 'rejected', 'reserved', 'released', 'redeemed', 'assigned')) not null, "reason" text null, "discount_amount" numeric null, "currency_code" text null, "raw_discount_amount" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "promocode_journal_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_promocode_journal_deleted_at" ON "promocode_journal" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_promocode_journal_promocode_created_at" ON "promocode_journal" ("promocode_id", "created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_promocode_journal_created_at" ON "promocode_journal" ("created_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "promocode_usage" ("id" text not null, "promocode_id" text not null, "customer_id" text not null, "purchase_id" text null, "status" text check ("status" in ('reserved', 'redeemed', 'released')) not null default 'reserved', "expires_at" timestamptz not null, "original_amount" numeric null, "discount_amount" numeric null, "currency_code" text null, "redeemed_at" timestamptz null, "released_at" timestamptz null, "release_reason" text null, "raw_original_amount" jsonb null, "raw_discount_amount" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "promocode_usage_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_promocode_usage_promocode_id" ON "promocode_usage" ("promocode_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_promocode_usage_deleted_at" ON "promocode_usage" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_promocode_usage_code_customer_status" ON "promocode_usage" ("promocode_id", "customer_id", "status") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_promocode_usage_status_expires_at" ON "promocode_usage" ("status", "expires_at") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "promocode_usage" add constraint "promocode_usage_promocode_id_foreign" foreign key ("promocode_id") references "promocode" ("id") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "promocode_usage" drop constraint if exists "promocode_usage_promocode_id_foreign";`);

    this.addSql(`drop table if exists "promocode" cascade;`);

    this.addSql(`drop table if exists "promocode_batch" cascade;`);

    this.addSql(`drop table if exists "promocode_journal" cascade;`);

    this.addSql(`drop table if exists "promocode_usage" cascade;`);
  }

}
