import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261129153732 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "promocode_export" ("id" text not null, "batch_id" text null, "status" text check ("status" in ('pending', 'running', 'completed', 'failed')) not null default 'pending', "total" integer not null default 0, "exported" integer not null default 0, "file_id" text null, "filename" text not null, "error" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "promocode_export_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_promocode_export_deleted_at" ON "promocode_export" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_promocode_export_batch_id" ON "promocode_export" ("batch_id") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "promocode_export" cascade;`);
  }

}
