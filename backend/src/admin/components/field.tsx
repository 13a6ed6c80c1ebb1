import { Hint, Input, Label, Text, clx } from "@medusajs/ui"
import type { ComponentProps, ReactNode } from "react"
import type { FieldErrors } from "../lib/errors"
import { useT } from "../lib/i18n"

/** The id of the error message of a field, for aria-describedby. */
export const errorId = (id: string) => `${id}-error`

/**
 * A labelled form field with its hint and its error. The control inside must
 * carry `id` (and, when invalid, `aria-invalid` and `aria-describedby={errorId(id)}`).
 */
export function Field({
  id,
  label,
  optional,
  hint,
  error,
  children,
  className,
}: {
  id: string
  label: ReactNode
  optional?: boolean
  hint?: ReactNode
  error?: string | null
  children: ReactNode
  className?: string
}) {
  const { t } = useT()
  return (
    <div className={clx("flex flex-col gap-y-2", className)}>
      <div className="flex items-center gap-x-1">
        <Label htmlFor={id} size="small" weight="plus">
          {label}
        </Label>
        {optional && (
          <Text size="small" leading="compact" className="text-ui-fg-muted">
            ({t("common.optional_short")})
          </Text>
        )}
      </div>
      {children}
      {hint && !error && (
        <Hint variant="info" className="text-ui-fg-subtle">
          {hint}
        </Hint>
      )}
      {error && (
        <Hint variant="error" id={errorId(id)} role="alert">
          {error}
        </Hint>
      )}
    </div>
  )
}

/**
 * A Field holding a small text input; other input props (inputMode,
 * maxLength, disabled, className, ...) go to the input.
 */
export function InputField({
  id,
  label,
  optional,
  hint,
  error,
  value,
  onValueChange,
  ...input
}: {
  id: string
  label: ReactNode
  optional?: boolean
  hint?: ReactNode
  error?: string | null
  value: string
  onValueChange: (value: string) => void
} & Omit<ComponentProps<typeof Input>, "id" | "value" | "onChange" | "size">) {
  return (
    <Field id={id} label={label} optional={optional} hint={hint} error={error}>
      <Input
        id={id}
        size="small"
        value={value}
        onChange={(e) => onValueChange(e.target.value)}
        {...input}
        {...invalidProps(id, error)}
      />
    </Field>
  )
}

/** Props that tie a control to its field's error. */
export function invalidProps(id: string, error?: string | null) {
  return error
    ? { "aria-invalid": true as const, "aria-describedby": errorId(id) }
    : {}
}

/** Moves the focus to the control of the first field (in `order`) with an error. */
export function focusFirstError(idPrefix: string, errors: FieldErrors, order: readonly string[]) {
  const first = order.find((name) => errors[name])
  if (first) {
    requestAnimationFrame(() => document.getElementById(`${idPrefix}-${first}`)?.focus())
  }
}
