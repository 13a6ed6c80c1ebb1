import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261129163100 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "promocode" add column if not exists "validated_count" integer not null default 0;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "promocode" drop column if exists "validated_count";`);
  }

}
