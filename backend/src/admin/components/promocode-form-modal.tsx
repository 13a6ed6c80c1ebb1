import { Alert, Button, FocusModal, Heading, Input, Text, toast } from "@medusajs/ui"
import { useEffect, useRef, useState, type FormEvent } from "react"
import { useCreatePromocode, useUpdatePromocode } from "../hooks/promocodes"
import { mapServerError, type FieldErrors } from "../lib/errors"
import {
  PROMOCODE_FIELDS,
  createPayload,
  emptyPromocodeForm,
  promocodeToForm,
  updatePayload,
  validatePromocodeForm,
  type PromocodeFormValues,
  type RulesFormValues,
} from "../lib/promocode-form"
import type { Promocode } from "../lib/types"
import { Field, focusFirstError, invalidProps } from "./field"
import { RulesFields } from "./rules-fields"

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
  const editing = !!promocode
  const [values, setValues] = useState<PromocodeFormValues>(emptyPromocodeForm)
  const [errors, setErrors] = useState<FieldErrors>({})
  const [formError, setFormError] = useState<string | null>(null)
  const create = useCreatePromocode()
  const update = useUpdatePromocode(promocode?.id ?? "")
  const pending = create.isPending || update.isPending

  // filled when the modal opens; a refetch of the code while it is open must
  // not throw away what the admin typed
  const initial = useRef(promocode)
  initial.current = promocode
  useEffect(() => {
    if (open) {
      setValues(initial.current ? promocodeToForm(initial.current) : emptyPromocodeForm())
      setErrors({})
      setFormError(null)
    }
  }, [open])

  const onChange = (patch: Partial<RulesFormValues> & { code?: string }) => {
    setValues((v) => ({ ...v, ...patch }))
    setErrors((e) => {
      const next = { ...e }
      for (const key of Object.keys(patch)) {
        delete next[key]
      }
      return next
    })
  }

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault()
    setFormError(null)
    const found = validatePromocodeForm(values)
    setErrors(found)
    if (Object.keys(found).length) {
      focusFirstError(ID_PREFIX, found, PROMOCODE_FIELDS)
      return
    }
    try {
      const { promocode: saved } = editing
        ? await update.mutateAsync(updatePayload(values))
        : await create.mutateAsync(createPayload(values))
      toast.success(editing ? `Promo code ${saved.code} saved` : `Promo code ${saved.code} created`)
      onOpenChange(false)
      onSaved?.(saved)
    } catch (error) {
      const mapped = mapServerError(error, PROMOCODE_FIELDS)
      setErrors(mapped.fields)
      setFormError(mapped.form)
      focusFirstError(ID_PREFIX, mapped.fields, PROMOCODE_FIELDS)
    }
  }

  return (
    <FocusModal open={open} onOpenChange={onOpenChange}>
      <FocusModal.Content aria-describedby={undefined}>
        <form onSubmit={onSubmit} noValidate className="flex h-full flex-col overflow-hidden">
          <FocusModal.Header>
            <div className="flex items-center justify-end gap-x-2">
              <FocusModal.Close asChild>
                <Button size="small" variant="secondary" type="button">
                  Cancel
                </Button>
              </FocusModal.Close>
              <Button size="small" type="submit" isLoading={pending}>
                {editing ? "Save" : "Create"}
              </Button>
            </div>
          </FocusModal.Header>
          <FocusModal.Body className="flex flex-1 flex-col items-center overflow-y-auto py-12">
            <div className="flex w-full max-w-[720px] flex-col gap-y-8 px-2">
              <div className="flex flex-col gap-y-1">
                <FocusModal.Title asChild>
                  <Heading>{editing ? `Edit ${promocode?.code}` : "Create a promo code"}</Heading>
                </FocusModal.Title>
                <Text size="small" className="text-ui-fg-subtle">
                  {editing
                    ? "Changes apply to uses from now on; past uses keep what they got."
                    : "Leave the code empty to have one generated."}
                </Text>
              </div>
              {formError && (
                <Alert variant="error" dismissible={false}>
                  {formError}
                </Alert>
              )}
              <Field
                id={`${ID_PREFIX}-code`}
                label="Code"
                optional={!editing}
                hint={editing ? "A code cannot be renamed." : "Letters, digits, '_' and '-'; stored in capitals."}
                error={errors.code}
              >
                <Input
                  id={`${ID_PREFIX}-code`}
                  size="small"
                  className="font-mono uppercase"
                  autoComplete="off"
                  disabled={editing}
                  value={values.code}
                  onChange={(e) => onChange({ code: e.target.value })}
                  {...invalidProps(`${ID_PREFIX}-code`, errors.code)}
                />
              </Field>
              <RulesFields idPrefix={ID_PREFIX} values={values} errors={errors} onChange={onChange} />
            </div>
          </FocusModal.Body>
        </form>
      </FocusModal.Content>
    </FocusModal>
  )
}
