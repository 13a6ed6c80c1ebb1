import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261129054353 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "subscription_plan" ("id" text not null, "interval" text check ("interval" in ('day', 'month', 'year')) not null, "interval_count" integer not null default 1, "trial_days" integer not null default 0, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "subscription_plan_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_subscription_plan_deleted_at" ON "subscription_plan" ("deleted_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "subscription_plan" cascade;`);
  }

}
