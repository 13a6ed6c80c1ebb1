import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/** Promo code duration (once, repeating with duration_periods, forever). */
export class Migration20261129180000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "promocode" add column if not exists "duration" text check ("duration" in ('once', 'repeating', 'forever')) not null default 'once', add column if not exists "duration_periods" integer null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "promocode" drop column if exists "duration", drop column if exists "duration_periods";`);
  }

}
