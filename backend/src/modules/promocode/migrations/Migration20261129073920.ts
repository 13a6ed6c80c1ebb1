import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261129073920 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_promocode_journal_customer_created_at" ON "promocode_journal" ("customer_id", "created_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_promocode_journal_customer_created_at";`);
  }

}
