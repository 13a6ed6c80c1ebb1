import { toast, usePrompt } from "@medusajs/ui"
import { useDeletePromocode, useSetPromocodeActive } from "./promocodes"
import { errorMessage } from "../lib/errors"
import type { Promocode } from "../lib/types"

/**
 * Deactivate, reactivate and delete a code, each confirmed first and reported
 * with a toast. Deleting a code that was used deactivates it instead (the
 * server decides); the toast says which happened.
 */
export function usePromocodeActions() {
  const prompt = usePrompt()
  const setActive = useSetPromocodeActive()
  const remove = useDeletePromocode()

  const toggleActive = async (p: Pick<Promocode, "id" | "code" | "is_active">) => {
    const activate = !p.is_active
    if (!activate) {
      const ok = await prompt({
        title: `Deactivate ${p.code}?`,
        description: "Customers will be refused this code until it is activated again.",
        confirmText: "Deactivate",
        cancelText: "Cancel",
      })
      if (!ok) {
        return
      }
    }
    try {
      await setActive.mutateAsync({ id: p.id, is_active: activate })
      toast.success(activate ? `${p.code} activated` : `${p.code} deactivated`)
    } catch (error) {
      toast.error(`Could not change ${p.code}`, { description: errorMessage(error) })
    }
  }

  /** Resolves to true when the code is gone (erased, not only deactivated). */
  const deletePromocode = async (p: Pick<Promocode, "id" | "code">): Promise<boolean> => {
    const ok = await prompt({
      title: `Delete ${p.code}?`,
      description:
        "A code that was never used is erased. A code with uses is deactivated instead, so its history stays.",
      confirmText: "Delete",
      cancelText: "Cancel",
    })
    if (!ok) {
      return false
    }
    try {
      const result = await remove.mutateAsync(p.id)
      if (result.deleted) {
        toast.success(`${p.code} deleted`)
        return true
      }
      toast.info(`${p.code} was used, so it was deactivated instead of deleted`)
      return false
    } catch (error) {
      toast.error(`Could not delete ${p.code}`, { description: errorMessage(error) })
      return false
    }
  }

  return { toggleActive, deletePromocode }
}
