import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/** subscription_event: cancels, resumes and scheduled plan changes with their time (the admin's timeline). */
export class Migration20261129021000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "subscription_event" ("id" text not null, "subscription_id" text not null, "type" text check ("type" in ('canceled', 'canceled_now', 'resumed', 'plan_change_scheduled')) not null, "data" jsonb null, "previous" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "subscription_event_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_subscription_event_deleted_at" ON "subscription_event" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_subscription_event_subscription_id_created_at" ON "subscription_event" ("subscription_id", "created_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "subscription_event" cascade;`);
  }

}
