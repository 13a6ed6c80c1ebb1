import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/** The promo code discount that continues on renewals, and for how many more. */
export class Migration20261129180100 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "subscription" add column if not exists "renewal_discount" jsonb null, add column if not exists "renewal_discounts_left" integer null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "subscription" drop column if exists "renewal_discount", drop column if exists "renewal_discounts_left";`);
  }

}
