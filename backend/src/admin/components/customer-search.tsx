import { Input, Text } from "@medusajs/ui"
import { useId, useState } from "react"
import { useCustomerSearch } from "../hooks/customers"
import { useDebounced } from "../hooks/use-debounced"
import { describeLoadError } from "../lib/errors"
import { customerLabel } from "../lib/format"
import type { CustomerSummary } from "../lib/types"
import { useT } from "../lib/i18n"

/**
 * Finds a customer by email (or name) and hands the chosen one to `onSelect`.
 * The matches are buttons under the input.
 */
export function CustomerSearch({
  id,
  onSelect,
  excludeIds = [],
  placeholder,
  invalid,
  describedBy,
}: {
  id?: string
  onSelect: (customer: CustomerSummary) => void
  excludeIds?: string[]
  placeholder?: string
  invalid?: boolean
  describedBy?: string
}) {
  const { t } = useT()
  const fallbackId = useId()
  const inputId = id ?? fallbackId
  const listId = `${inputId}-matches`
  const [q, setQ] = useState("")
  const term = useDebounced(q.trim(), 250)
  const { data, isFetching, isError, error } = useCustomerSearch(term)
  const matches = (data ?? []).filter((c) => !excludeIds.includes(c.id))
  const open = term.length >= 2 && q.trim().length >= 2

  return (
    <div className="flex flex-col gap-y-2">
      <Input
        id={inputId}
        type="search"
        size="small"
        autoComplete="off"
        placeholder={placeholder ?? t("customer_search.placeholder")}
        value={q}
        onChange={(e) => setQ(e.target.value)}
        aria-controls={listId}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
      />
      {open && (
        <div
          id={listId}
          className="shadow-elevation-card-rest bg-ui-bg-base rounded-lg p-1"
          aria-live="polite"
        >
          {isError ? (
            <Text size="small" className="text-ui-fg-error px-2 py-1.5" role="alert">
              {describeLoadError(error)}
            </Text>
          ) : isFetching && !matches.length ? (
            <Text size="small" className="text-ui-fg-subtle px-2 py-1.5">
              {t("customer_search.searching")}
            </Text>
          ) : !matches.length ? (
            <Text size="small" className="text-ui-fg-subtle px-2 py-1.5">
              {t("customer_search.no_match", { term })}
            </Text>
          ) : (
            <ul aria-label={t("customer_search.matches")} className="flex flex-col">
              {matches.map((customer) => (
                <li key={customer.id}>
                  <button
                    type="button"
                    className="txt-compact-small hover:bg-ui-bg-base-hover focus-visible:bg-ui-bg-base-hover w-full rounded-md px-2 py-1.5 text-left outline-none"
                    onClick={() => {
                      onSelect(customer)
                      setQ("")
                    }}
                  >
                    {customerLabel(customer)}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  )
}
