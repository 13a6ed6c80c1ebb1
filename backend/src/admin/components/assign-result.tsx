import { Alert, Text } from "@medusajs/ui"
import { useTariffOptions } from "../hooks/tariffs"
import { formatDate, formatPromocodeValue } from "../lib/format"
import type { AssignResponse } from "../lib/types"
import { useT } from "../lib/i18n"

/** " (10%)", " (30 days free)", when the answer carries the code's rules. */
function gives(p: AssignResponse["promocode"]): string {
  const known = p.type === "free_period" ? p.free_days != null : p.value != null
  if (!known) {
    return ""
  }
  const value = formatPromocodeValue({
    type: p.type,
    value: p.value ?? null,
    currency_code: p.currency_code ?? null,
    free_days: p.free_days ?? null,
  })
  return ` (${value})`
}

/** What applying a code to an account did: a plan granted now, or a discount waiting. */
export function AssignResult({ result }: { result: AssignResponse }) {
  const { t } = useT()
  const { data: plans } = useTariffOptions()
  const { promocode, customer, subscription } = result
  if (result.result === "granted") {
    const plan = subscription
      ? (() => {
          const o = plans?.find((x) => x.variant_id === subscription.variant_id)
          return o ? `${o.product_title} · ${o.variant_title}` : t("assign.the_plan")
        })()
      : null
    return (
      <Alert variant="success" dismissible={false} role="status">
        <Text size="small" weight="plus">
          {t("assign.granted", { email: customer.email })}
        </Text>
        <Text size="small">
          {promocode.code}
          {gives(promocode)}
          {plan && subscription
            ? t("assign.granted_until", { plan, date: formatDate(subscription.ends_at) })
            : "."}
        </Text>
      </Alert>
    )
  }
  return (
    <Alert variant="info" dismissible={false} role="status">
      <Text size="small" weight="plus">
        {t("assign.discount_assigned", { email: customer.email })}
      </Text>
      <Text size="small">
        {promocode.code}
        {gives(promocode)} {t("assign.waits")}
      </Text>
    </Alert>
  )
}
