import { toast, usePrompt } from "@medusajs/ui"
import { useDeletePromocode, useSetPromocodeActive } from "./promocodes"
import { errorMessage } from "../lib/errors"
import { useT } from "../lib/i18n"
import type { Promocode } from "../lib/types"

/**
 * Deactivate, reactivate and delete a code, each confirmed first and reported
 * with a toast. Deleting a code that was used deactivates it instead (the
 * server decides); the toast says which happened.
 */
export function usePromocodeActions() {
  const prompt = usePrompt()
  const { t } = useT()
  const setActive = useSetPromocodeActive()
  const remove = useDeletePromocode()

  const toggleActive = async (p: Pick<Promocode, "id" | "code" | "is_active">) => {
    const activate = !p.is_active
    if (!activate) {
      const ok = await prompt({
        title: t("code_actions.deactivate_title", { code: p.code }),
        description: t("code_actions.deactivate_text"),
        confirmText: t("common.deactivate"),
        cancelText: t("common.cancel"),
      })
      if (!ok) {
        return
      }
    }
    try {
      await setActive.mutateAsync({ id: p.id, is_active: activate })
      toast.success(t(activate ? "code_actions.activated" : "code_actions.deactivated", { code: p.code }))
    } catch (error) {
      toast.error(t("code_actions.change_failed", { code: p.code }), { description: errorMessage(error) })
    }
  }

  /** Resolves to true when the code is gone (erased, not only deactivated). */
  const deletePromocode = async (p: Pick<Promocode, "id" | "code">): Promise<boolean> => {
    const ok = await prompt({
      title: t("code_actions.delete_title", { code: p.code }),
      description: t("code_actions.delete_text"),
      confirmText: t("common.delete"),
      cancelText: t("common.cancel"),
    })
    if (!ok) {
      return false
    }
    try {
      const result = await remove.mutateAsync(p.id)
      if (result.deleted) {
        toast.success(t("code_actions.deleted", { code: p.code }))
        return true
      }
      toast.info(t("code_actions.deactivated_instead", { code: p.code }))
      return false
    } catch (error) {
      toast.error(t("code_actions.delete_failed", { code: p.code }), { description: errorMessage(error) })
      return false
    }
  }

  return { toggleActive, deletePromocode }
}
