import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * Medusa's locking-postgres migration, under its name: a database migrated
 * with Medusa's provider sees it as applied, a new one gets the same table.
 */
export class Migration20241009222919_InitialSetupMigration extends Migration {
  async up(): Promise<void> {
    this.addSql(
      'create table if not exists "locking" ("id" text not null, "owner_id" text null, "expiration" timestamptz null, constraint "locking_pkey" primary key ("id"));'
    )
  }

  async down(): Promise<void> {
    this.addSql(`drop table if exists "locking";`)
  }
}
