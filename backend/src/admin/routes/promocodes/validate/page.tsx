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
  customerLabel,
  formatAmount,
  formatPromocodeValue,
  formatWindow,
  formatUsage,
  reasonLabel,
  typeLabel,
} from "../../../lib/format"
import { tr, useT } from "../../../lib/i18n"
import type { CustomerSummary, ValidateResponse } from "../../../lib/types"

const ANY_PLAN = "any"

function Verdict({ result }: { result: ValidateResponse }) {
  const { t } = useT()
  if (!result.valid) {
    return (
      <Alert variant="error" dismissible={false} role="status">
        <Text size="small" weight="plus">
          {t("validate.refused", { reason: reasonLabel(result.error.code) })}
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
          {t("validate.applies", { code: p.code })}
        </Text>
        <Text size="small">{formatPromocodeValue(p)}</Text>
      </Alert>
      <div className="divide-y rounded-lg border">
        <SectionRow
          label={t("list.code")}
          value={
            <Link to={`/promocodes/${p.id}`} className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover font-mono">
              {p.code}
            </Link>
          }
        />
        <SectionRow label={t("list.kind")} value={typeLabel(p.type)} />
        <SectionRow label={t("list.window")} value={formatWindow(p.starts_at, p.ends_at)} />
        <SectionRow label={t("list.used_limit")} value={formatUsage(p.used_count, p.usage_limit)} />
        {discount && (
          <>
            <SectionRow label={t("validate.plan_price")} value={formatAmount(discount.original_amount, discount.currency_code)} />
            <SectionRow label={t("validate.discount")} value={formatAmount(discount.discount_amount, discount.currency_code)} />
            <SectionRow
              label={t("validate.would_pay")}
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
  const { t } = useT()
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
      setCodeError(t("validate.enter_code"))
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
        title={t("validate.title")}
        description={t("validate.description")}
      >
        <form onSubmit={onSubmit} noValidate className="flex flex-col gap-y-4 px-6 py-4">
          <div className="grid grid-cols-1 gap-4 md:grid-cols-3">
            <InputField
              id="validate-code"
              label={t("list.code")}
              error={codeError}
              className="font-mono uppercase"
              autoComplete="off"
              value={code}
              onValueChange={setCode}
            />
            <Field id="validate-customer" label={t("validate.customer")} optional>
              {customer ? (
                <div>
                  <Badge size="small" className="gap-x-1">
                    {customerLabel(customer)}
                    <button type="button" aria-label={t("validate.clear_customer")} onClick={() => setCustomer(null)}>
                      <XMarkMini />
                    </button>
                  </Badge>
                </div>
              ) : (
                <CustomerSearch id="validate-customer" onSelect={setCustomer} />
              )}
            </Field>
            <Field id="validate-plan" label={t("validate.plan")} optional>
              <Select size="small" value={variantId} onValueChange={setVariantId}>
                <Select.Trigger id="validate-plan">
                  <Select.Value placeholder={plansLoading ? t("validate.loading_plans") : t("validate.any_plan")} />
                </Select.Trigger>
                <Select.Content>
                  <Select.Item value={ANY_PLAN}>{t("validate.any_plan")}</Select.Item>
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
              {t("validate.check")}
            </Button>
          </div>
        </form>
      </Section>
      {(result || requestError) && (
        <Section title={t("validate.result")}>
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
  label: "cinema.nav.validate",
  translationNs: "translation",
  rank: 3,
})

export const handle = {
  breadcrumb: () => tr("validate.title"),
}

export default ValidatePromocodePage
