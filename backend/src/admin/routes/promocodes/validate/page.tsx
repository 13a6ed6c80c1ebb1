import { defineRouteConfig } from "@medusajs/admin-sdk"
import { XMarkMini } from "@medusajs/icons"
import { Alert, Badge, Button, Select, Text } from "@medusajs/ui"
import { useState, type FormEvent } from "react"
import { Link } from "react-router-dom"
import { CustomerSearch } from "../../../components/customer-search"
import { Field, InputField } from "../../../components/field"
import { Section, SectionRow } from "../../../components/section"
import { useValidatePromocode } from "../../../hooks/promocodes"
import { useTariffOptions } from "../../../hooks/tariffs"
import { errorMessage } from "../../../lib/errors"
import {
  TYPE_LABELS,
  customerLabel,
  formatAmount,
  formatPromocodeValue,
  formatWindow,
  formatUsage,
  reasonLabel,
} from "../../../lib/format"
import type { CustomerSummary, ValidateResponse } from "../../../lib/types"

const ANY_PLAN = "any"

function Verdict({ result }: { result: ValidateResponse }) {
  if (!result.valid) {
    return (
      <Alert variant="error" dismissible={false} role="status">
        <Text size="small" weight="plus">
          Would be refused: {reasonLabel(result.error.code)}
        </Text>
        <Text size="small">{result.error.message}</Text>
        <Text size="xsmall" className="text-ui-fg-muted font-mono">
          {result.error.code}
        </Text>
      </Alert>
    )
  }
  const { promocode: p, discount } = result
  return (
    <div className="flex flex-col gap-y-3">
      <Alert variant="success" dismissible={false} role="status">
        <Text size="small" weight="plus">
          {p.code} would apply
        </Text>
        <Text size="small">{formatPromocodeValue(p)}</Text>
      </Alert>
      <div className="divide-y rounded-lg border">
        <SectionRow
          label="Code"
          value={
            <Link to={`/promocodes/${p.id}`} className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover font-mono">
              {p.code}
            </Link>
          }
        />
        <SectionRow label="Kind" value={TYPE_LABELS[p.type]} />
        <SectionRow label="Window" value={formatWindow(p.starts_at, p.ends_at)} />
        <SectionRow label="Used / limit" value={formatUsage(p.used_count, p.usage_limit)} />
        {discount && (
          <>
            <SectionRow label="Plan price" value={formatAmount(discount.original_amount, discount.currency_code)} />
            <SectionRow label="Discount" value={formatAmount(discount.discount_amount, discount.currency_code)} />
            <SectionRow
              label="Customer would pay"
              value={<strong>{formatAmount(discount.total, discount.currency_code)}</strong>}
            />
          </>
        )}
      </div>
    </div>
  )
}

/**
 * For support staff: would this code apply (for this customer, on this plan)?
 * Nothing is reserved or used; the answer names the rule that refuses it.
 */
const ValidatePromocodePage = () => {
  const [code, setCode] = useState("")
  const [codeError, setCodeError] = useState<string | null>(null)
  const [customer, setCustomer] = useState<CustomerSummary | null>(null)
  const [variantId, setVariantId] = useState(ANY_PLAN)
  const [requestError, setRequestError] = useState<string | null>(null)
  const [result, setResult] = useState<ValidateResponse | null>(null)
  const { data: plans, isLoading: plansLoading } = useTariffOptions()
  const validate = useValidatePromocode()

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault()
    setResult(null)
    setRequestError(null)
    if (!code.trim()) {
      setCodeError("Enter the code to check.")
      document.getElementById("validate-code")?.focus()
      return
    }
    setCodeError(null)
    try {
      setResult(
        await validate.mutateAsync({
          code: code.trim(),
          customer_id: customer?.id,
          variant_id: variantId === ANY_PLAN ? undefined : variantId,
        })
      )
    } catch (error) {
      setRequestError(errorMessage(error))
    }
  }

  return (
    <div className="flex flex-col gap-y-3">
      <Section
        level="h1"
        title="Validate a promo code"
        description="Check whether a code would apply and, if not, why. Nothing is reserved or used."
      >
        <form onSubmit={onSubmit} noValidate className="flex flex-col gap-y-4 px-6 py-4">
          <div className="grid grid-cols-1 gap-4 md:grid-cols-3">
            <InputField
              id="validate-code"
              label="Code"
              error={codeError}
              className="font-mono uppercase"
              autoComplete="off"
              value={code}
              onValueChange={setCode}
            />
            <Field id="validate-customer" label="Customer" optional>
              {customer ? (
                <div>
                  <Badge size="small" className="gap-x-1">
                    {customerLabel(customer)}
                    <button type="button" aria-label="Clear the customer" onClick={() => setCustomer(null)}>
                      <XMarkMini />
                    </button>
                  </Badge>
                </div>
              ) : (
                <CustomerSearch id="validate-customer" onSelect={setCustomer} />
              )}
            </Field>
            <Field id="validate-plan" label="Plan" optional>
              <Select size="small" value={variantId} onValueChange={setVariantId}>
                <Select.Trigger id="validate-plan">
                  <Select.Value placeholder={plansLoading ? "Loading plans…" : "Any plan"} />
                </Select.Trigger>
                <Select.Content>
                  <Select.Item value={ANY_PLAN}>Any plan</Select.Item>
                  {(plans ?? []).map((p) => (
                    <Select.Item key={p.variant_id} value={p.variant_id}>
                      {p.product_title} · {p.variant_title}
                    </Select.Item>
                  ))}
                </Select.Content>
              </Select>
            </Field>
          </div>
          <div className="flex justify-end">
            <Button size="small" type="submit" isLoading={validate.isPending}>
              Check
            </Button>
          </div>
        </form>
      </Section>
      {(result || requestError) && (
        <Section title="Result">
          <div className="px-6 py-4">
            {requestError ? (
              <Alert variant="error" dismissible={false} role="alert">
                {requestError}
              </Alert>
            ) : (
              result && <Verdict result={result} />
            )}
          </div>
        </Section>
      )}
    </div>
  )
}

export const config = defineRouteConfig({
  label: "Validate a code",
  rank: 3,
})

export const handle = {
  breadcrumb: () => "Validate a promo code",
}

export default ValidatePromocodePage
