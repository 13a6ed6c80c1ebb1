import { XMarkMini } from "@medusajs/icons"
import { Badge, Button } from "@medusajs/ui"
import { useState, type FormEvent } from "react"
import { useAssignPromocode } from "../hooks/promocodes"
import { errorMessage } from "../lib/errors"
import { customerLabel } from "../lib/format"
import type { AssignResponse, CustomerSummary } from "../lib/types"
import { AssignResult } from "./assign-result"
import { CustomerSearch } from "./customer-search"
import { Field, InputField, errorId } from "./field"
import { useT } from "../lib/i18n"

/** On a code's page: find a customer by email and apply the code to their account. */
export function AssignToCustomerForm({ code }: { code: string }) {
  const { t } = useT()
  const [customer, setCustomer] = useState<CustomerSummary | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [result, setResult] = useState<AssignResponse | null>(null)
  const assign = useAssignPromocode()
  const id = "assign-customer"

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault()
    setResult(null)
    if (!customer) {
      setError(t("assign.choose_customer"))
      return
    }
    setError(null)
    try {
      setResult(await assign.mutateAsync({ code, customer_id: customer.id }))
      setCustomer(null)
    } catch (e) {
      setError(errorMessage(e))
    }
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-y-3 px-6 py-4" noValidate>
      <Field id={id} label={t("validate.customer")} error={error}>
        {customer ? (
          <div className="flex items-center gap-x-2">
            <Badge size="small" className="gap-x-1">
              {customerLabel(customer)}
              <button
                type="button"
                aria-label={t("assign.another_customer")}
                onClick={() => setCustomer(null)}
              >
                <XMarkMini />
              </button>
            </Badge>
          </div>
        ) : (
          <CustomerSearch
            id={id}
            invalid={!!error}
            describedBy={error ? errorId(id) : undefined}
            onSelect={(c) => {
              setCustomer(c)
              setError(null)
            }}
          />
        )}
      </Field>
      <div className="flex justify-end">
        <Button size="small" type="submit" variant="secondary" isLoading={assign.isPending}>
          {t("assign.assign_code", { code })}
        </Button>
      </div>
      {result && <AssignResult result={result} />}
    </form>
  )
}

/** On a customer's page: type a code and apply it to this customer's account. */
export function AssignCodeForm({ customerId }: { customerId: string }) {
  const { t } = useT()
  const [code, setCode] = useState("")
  const [error, setError] = useState<string | null>(null)
  const [result, setResult] = useState<AssignResponse | null>(null)
  const assign = useAssignPromocode()
  const id = "assign-code"

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault()
    setResult(null)
    const trimmed = code.trim()
    if (!trimmed) {
      setError(t("assign.enter_code"))
      return
    }
    setError(null)
    try {
      setResult(await assign.mutateAsync({ code: trimmed, customer_id: customerId }))
      setCode("")
    } catch (e) {
      setError(errorMessage(e))
    }
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-y-3 px-6 py-4" noValidate>
      <InputField
        id={id}
        label={t("assign.apply_label")}
        error={error}
        className="font-mono uppercase placeholder:normal-case"
        autoComplete="off"
        placeholder={t("assign.placeholder")}
        value={code}
        onValueChange={setCode}
      />
      <div className="flex justify-end">
        <Button size="small" type="submit" variant="secondary" isLoading={assign.isPending}>
          {t("assign.apply")}
        </Button>
      </div>
      {result && <AssignResult result={result} />}
    </form>
  )
}
