import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * Written by hand (DML cannot express index storage parameters; schema diffs
 * ignore them). A GIN index with fastupdate keeps new entries in a pending
 * list, up to 4 MB by default, that every search reads in full: right after a
 * large generation that made a search by code ~15 ms slower until autovacuum
 * merged it. A 256 kB list keeps searches at ~1 ms for a modest cost on bulk
 * inserts.
 */
export class Migration20261129071000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`ALTER INDEX IF EXISTS "IDX_promocode_code_trgm" SET (gin_pending_list_limit = 256);`);
    this.addSql(`ALTER INDEX IF EXISTS "IDX_promocode_description_trgm" SET (gin_pending_list_limit = 256);`);
  }

  override async down(): Promise<void> {
    this.addSql(`ALTER INDEX IF EXISTS "IDX_promocode_code_trgm" RESET (gin_pending_list_limit);`);
    this.addSql(`ALTER INDEX IF EXISTS "IDX_promocode_description_trgm" RESET (gin_pending_list_limit);`);
  }

}
