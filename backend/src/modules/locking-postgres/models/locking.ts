import { model } from "@medusajs/framework/utils"

/** Medusa's `locking` table (as in @medusajs/locking-postgres), one row per held lock. */
const Locking = model.define("Locking", {
  id: model.id({ prefix: "lk" }).primaryKey(),
  owner_id: model.text().nullable(),
  expiration: model.dateTime().nullable(),
})

export default Locking
