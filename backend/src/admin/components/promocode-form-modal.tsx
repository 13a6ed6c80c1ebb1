import { Alert, Button, FocusModal, Heading, Text, toast } from "@medusajs/ui"
import { useEffect, useRef } from "react"
import { useCreatePromocode, useUpdatePromocode } from "../hooks/promocodes"
import { useCheckedForm } from "../hooks/use-checked-form"
import {
  PROMOCODE_FIELDS,
  createPayload,
  emptyPromocodeForm,
  promocodeToForm,
  updatePayload,
  validatePromocodeForm,
  type PromocodeFormValues,
} from "../lib/promocode-form"
import type { Promocode } from "../lib/types"
import { InputField } from "./field"
import { RulesFields } from "./rules-fields"
import { useT } from "../lib/i18n"

const ID_PREFIX = "promocode-form"

/**
 * Creates a promo code, or edits `promocode`. Every rule is checked before
 * anything is sent; what the server still refuses is shown at its field.
 */
export function PromocodeFormModal({
  open,
  onOpenChange,
  promocode,
  onSaved,
}: {
  open: boolean
  onOpenChange: (open: boolean) => void
  promocode?: Promocode
  onSaved?: (saved: { id: string; code: string }) => void
}) {
  const { t } = useT()
  const editing = !!promocode
  const { values, errors, formError, onChange, reset, submit } = useCheckedForm<PromocodeFormValues>({
    initial: emptyPromocodeForm,
    validate: validatePromocodeForm,
    idPrefix: ID_PREFIX,
    fields: PROMOCODE_FIELDS,
  })
  const create = useCreatePromocode()
  const update = useUpdatePromocode(promocode?.id ?? "")
  const pending = create.isPending || update.isPending

  // filled when the modal opens; a refetch of the code while it is open must
  // not throw away what the admin typed
  const initial = useRef(promocode)
  initial.current = promocode
  useEffect(() => {
    if (open) {
      reset(initial.current ? promocodeToForm(initial.current) : emptyPromocodeForm())
    }
  }, [open])

  const onSubmit = submit(async (values) => {
    const { promocode: saved } = editing
      ? await update.mutateAsync(updatePayload(values))
      : await create.mutateAsync(createPayload(values))
    toast.success(t(editing ? "form.saved" : "form.created", { code: saved.code }))
    onOpenChange(false)
    onSaved?.(saved)
  })

  return (
    <FocusModal open={open} onOpenChange={onOpenChange}>
      <FocusModal.Content aria-describedby={undefined}>
        <form onSubmit={onSubmit} noValidate className="flex h-full flex-col overflow-hidden">
          <FocusModal.Header>
            <div className="flex items-center justify-end gap-x-2">
              <FocusModal.Close asChild>
                <Button size="small" variant="secondary" type="button">
                  {t("common.cancel")}
                </Button>
              </FocusModal.Close>
              <Button size="small" type="submit" isLoading={pending}>
                {editing ? t("common.save") : t("list.create")}
              </Button>
            </div>
          </FocusModal.Header>
          <FocusModal.Body className="flex flex-1 flex-col items-center overflow-y-auto py-12">
            <div className="flex w-full max-w-[720px] flex-col gap-y-8 px-2">
              <div className="flex flex-col gap-y-1">
                <FocusModal.Title asChild>
                  <Heading>{editing ? t("form.edit_title", { code: promocode?.code ?? "" }) : t("form.create_title")}</Heading>
                </FocusModal.Title>
                <Text size="small" className="text-ui-fg-subtle">
                  {editing ? t("form.edit_text") : t("form.create_text")}
                </Text>
              </div>
              {formError && (
                <Alert variant="error" dismissible={false}>
                  {formError}
                </Alert>
              )}
              <InputField
                id={`${ID_PREFIX}-code`}
                label={t("list.code")}
                optional={!editing}
                hint={editing ? t("form.code_fixed") : t("form.code_hint")}
                error={errors.code}
                className="font-mono uppercase"
                autoComplete="off"
                disabled={editing}
                value={values.code}
                onValueChange={(code) => onChange({ code })}
              />
              <RulesFields idPrefix={ID_PREFIX} values={values} errors={errors} onChange={onChange} />
            </div>
          </FocusModal.Body>
        </form>
      </FocusModal.Content>
    </FocusModal>
  )
}
