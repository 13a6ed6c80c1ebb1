import { XMarkMini } from "@medusajs/icons"
import {
  Badge,
  Checkbox,
  DatePicker,
  Heading,
  Label,
  Select,
  Switch,
  Text,
  Textarea,
} from "@medusajs/ui"
import type { ReactNode } from "react"
import { useCustomersById } from "../hooks/customers"
import { useTariffOptions } from "../hooks/tariffs"
import type { FieldErrors } from "../lib/errors"
import { customerLabel } from "../lib/format"
import { PROMOCODE_DURATIONS, type PromocodeDuration, type RulesFormValues } from "../lib/promocode-form"
import type { PromocodeType, TariffOption } from "../lib/types"
import { CustomerSearch } from "./customer-search"
import { Field, InputField, errorId, invalidProps } from "./field"
import { PROMOCODE_TYPES } from "../lib/format"
import { useT } from "../lib/i18n"

type Props<T extends RulesFormValues> = {
  /** prefix of the controls' ids, unique on the page */
  idPrefix: string
  values: T
  errors: FieldErrors
  onChange: (patch: Partial<RulesFormValues>) => void
}

function Group({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset className="flex flex-col gap-y-4">
      <legend className="mb-4">
        <Heading level="h3">{title}</Heading>
      </legend>
      {children}
    </fieldset>
  )
}

function SwitchRow({
  id,
  label,
  description,
  checked,
  onCheckedChange,
  disabled,
}: {
  id: string
  label: string
  description?: string
  checked: boolean
  onCheckedChange: (checked: boolean) => void
  disabled?: boolean
}) {
  return (
    <div className="flex items-start gap-x-3">
      <Switch
        id={id}
        checked={checked}
        onCheckedChange={onCheckedChange}
        disabled={disabled}
        className="mt-0.5"
      />
      <div className="flex flex-col">
        <Label htmlFor={id} size="small" weight="plus">
          {label}
        </Label>
        {description && (
          <Text size="small" className="text-ui-fg-subtle">
            {description}
          </Text>
        )}
      </div>
    </div>
  )
}

function groupByTariff(options: TariffOption[]) {
  const groups = new Map<string, { title: string; plans: TariffOption[] }>()
  for (const option of options) {
    const group = groups.get(option.product_id) ?? {
      title: option.product_title,
      plans: [],
    }
    group.plans.push(option)
    groups.set(option.product_id, group)
  }
  return [...groups.entries()].map(([id, group]) => ({ id, ...group }))
}

const toggle = (list: string[], id: string, on: boolean) =>
  on ? [...new Set([...list, id])] : list.filter((x) => x !== id)

/** Which tariffs (whole products) or plans (variants) a discount code is for. */
function TariffRestriction<T extends RulesFormValues>({
  idPrefix,
  values,
  errors,
  onChange,
}: Props<T>) {
  const { t } = useT()
  const { data: options, isLoading, isError } = useTariffOptions()
  const groups = groupByTariff(options ?? [])
  const error = errors.product_ids ?? errors.variant_ids
  return (
    <div className="flex flex-col gap-y-2" role="group" aria-labelledby={`${idPrefix}-targets-label`}>
      <Text id={`${idPrefix}-targets-label`} size="small" weight="plus" leading="compact">
        {t("rules.targets")}
      </Text>
      <Text size="small" className="text-ui-fg-subtle">
        {t("rules.targets_hint")}
      </Text>
      {isLoading && <Text size="small">{t("rules.loading_tariffs")}</Text>}
      {isError && (
        <Text size="small" className="text-ui-fg-error">
          {t("rules.tariffs_failed")}
        </Text>
      )}
      <div className="flex flex-col gap-y-3">
        {groups.map((group) => {
          const productChecked = values.product_ids.includes(group.id)
          const productBoxId = `${idPrefix}-product-${group.id}`
          return (
            <div key={group.id} className="flex flex-col gap-y-1.5">
              <div className="flex items-center gap-x-2">
                <Checkbox
                  id={productBoxId}
                  checked={productChecked}
                  onCheckedChange={(on) =>
                    onChange({ product_ids: toggle(values.product_ids, group.id, on === true) })
                  }
                />
                <Label htmlFor={productBoxId} size="small" weight="plus">
                  {t("detail.product_every_plan", { product: group.title })}
                </Label>
              </div>
              <div className="flex flex-wrap gap-x-4 gap-y-1 pl-6">
                {group.plans.map((plan) => {
                  const boxId = `${idPrefix}-variant-${plan.variant_id}`
                  return (
                    <div key={plan.variant_id} className="flex items-center gap-x-2">
                      <Checkbox
                        id={boxId}
                        disabled={productChecked}
                        checked={productChecked || values.variant_ids.includes(plan.variant_id)}
                        onCheckedChange={(on) =>
                          onChange({
                            variant_ids: toggle(values.variant_ids, plan.variant_id, on === true),
                          })
                        }
                      />
                      <Label htmlFor={boxId} size="small">
                        {plan.variant_title}
                      </Label>
                    </div>
                  )
                })}
              </div>
            </div>
          )
        })}
      </div>
      {error && (
        <Text size="small" className="text-ui-fg-error" role="alert">
          {error}
        </Text>
      )}
    </div>
  )
}

/** The one plan a free-period code gives. */
function FreePlanSelect<T extends RulesFormValues>({
  idPrefix,
  values,
  errors,
  onChange,
}: Props<T>) {
  const { t } = useT()
  const { data: options, isLoading } = useTariffOptions()
  const id = `${idPrefix}-variant_ids`
  return (
    <Field id={id} label={t("validate.plan")} error={errors.variant_ids}>
      <Select
        size="small"
        value={values.variant_ids[0] ?? ""}
        onValueChange={(value) => onChange({ variant_ids: [value] })}
      >
        <Select.Trigger id={id} {...invalidProps(id, errors.variant_ids)}>
          <Select.Value placeholder={isLoading ? t("validate.loading_plans") : t("rules.choose_plan")} />
        </Select.Trigger>
        <Select.Content>
          {(options ?? []).map((o) => (
            <Select.Item key={o.variant_id} value={o.variant_id}>
              {o.product_title} · {o.variant_title}
            </Select.Item>
          ))}
        </Select.Content>
      </Select>
    </Field>
  )
}

function CustomerRestriction<T extends RulesFormValues>({
  idPrefix,
  values,
  errors,
  onChange,
}: Props<T>) {
  const { t } = useT()
  const ids = values.customer_ids
  const { data: customers } = useCustomersById(ids)
  const byId = new Map((customers ?? []).map((c) => [c.id, c]))
  const id = `${idPrefix}-customer_ids`
  return (
    <Field
      id={id}
      label={t("rules.customers")}
      optional
      hint={t("rules.customers_hint")}
      error={errors.customer_ids}
    >
      {ids.length > 0 && (
        <ul className="flex flex-wrap gap-2" aria-label={t("rules.chosen_customers")}>
          {ids.map((customerId) => (
            <li key={customerId}>
              <Badge size="small" className="gap-x-1">
                {customerLabel(byId.get(customerId), customerId)}
                <button
                  type="button"
                  aria-label={t("rules.remove", { name: byId.get(customerId)?.email ?? customerId })}
                  onClick={() => onChange({ customer_ids: ids.filter((x) => x !== customerId) })}
                >
                  <XMarkMini />
                </button>
              </Badge>
            </li>
          ))}
        </ul>
      )}
      <CustomerSearch
        id={id}
        excludeIds={ids}
        invalid={!!errors.customer_ids}
        describedBy={errors.customer_ids ? errorId(id) : undefined}
        onSelect={(customer) => onChange({ customer_ids: [...ids, customer.id] })}
      />
    </Field>
  )
}


/** Every rule of a promo code, shared by the create/edit and the generate forms. */
export function RulesFields<T extends RulesFormValues>(props: Props<T>) {
  const { idPrefix, values, errors, onChange } = props
  const { t } = useT()
  const id = (name: string) => `${idPrefix}-${name}`

  return (
    <div className="flex flex-col gap-y-8">
      <Group title={t("rules.discount")}>
        <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
          <Field id={id("type")} label={t("list.kind")} error={errors.type}>
            <Select
              size="small"
              value={values.type}
              onValueChange={(value) =>
                onChange({ type: value as PromocodeType, variant_ids: [], product_ids: [] })
              }
            >
              <Select.Trigger id={id("type")} {...invalidProps(id("type"), errors.type)}>
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                {PROMOCODE_TYPES.map((type) => (
                  <Select.Item key={type} value={type}>
                    {t(`rules.type_option.${type}`)}
                  </Select.Item>
                ))}
              </Select.Content>
            </Select>
          </Field>

          {values.type === "percentage" && (
            <InputField
              id={id("value")}
              label={t("rules.percent_off")}
              hint={t("rules.percent_hint")}
              error={errors.value}
              inputMode="decimal"
              value={values.value}
              onValueChange={(value) => onChange({ value })}
            />
          )}

          {values.type === "fixed" && (
            <div className="grid grid-cols-[1fr_96px] gap-x-2">
              <InputField
                id={id("value")}
                label={t("rules.amount_off")}
                error={errors.value}
                inputMode="decimal"
                value={values.value}
                onValueChange={(value) => onChange({ value })}
              />
              <InputField
                id={id("currency_code")}
                label={t("rules.currency")}
                error={errors.currency_code}
                maxLength={3}
                value={values.currency_code}
                onValueChange={(currency_code) => onChange({ currency_code })}
              />
            </div>
          )}

          {values.type !== "free_period" && (
            <Field id={id("duration")} label={t("rules.duration")} hint={t("rules.duration_hint")} error={errors.duration}>
              <Select
                value={values.duration}
                onValueChange={(value) => onChange({ duration: value as PromocodeDuration })}
              >
                <Select.Trigger id={id("duration")} {...invalidProps(id("duration"), errors.duration)}>
                  <Select.Value />
                </Select.Trigger>
                <Select.Content>
                  {PROMOCODE_DURATIONS.map((duration) => (
                    <Select.Item key={duration} value={duration}>
                      {t(`rules.duration_option.${duration}`)}
                    </Select.Item>
                  ))}
                </Select.Content>
              </Select>
            </Field>
          )}

          {values.type !== "free_period" && values.duration === "repeating" && (
            <InputField
              id={id("duration_periods")}
              label={t("rules.duration_periods")}
              hint={t("rules.duration_periods_hint")}
              error={errors.duration_periods}
              inputMode="numeric"
              value={values.duration_periods}
              onValueChange={(duration_periods) => onChange({ duration_periods })}
            />
          )}

          {values.type === "free_period" && (
            <InputField
              id={id("free_days")}
              label={t("rules.free_days")}
              error={errors.free_days}
              inputMode="numeric"
              value={values.free_days}
              onValueChange={(free_days) => onChange({ free_days })}
            />
          )}
        </div>
        {values.type === "free_period" && <FreePlanSelect {...props} />}
      </Group>

      <Group title={t("rules.validity")}>
        <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
          <Field id={id("starts_at")} label={t("detail.starts")} optional error={errors.starts_at}>
            <DatePicker
              id={id("starts_at")}
              aria-label={t("detail.starts")}
              granularity="minute"
              size="small"
              value={values.starts_at}
              onChange={(date) => onChange({ starts_at: date })}
              isInvalid={!!errors.starts_at}
            />
          </Field>
          <Field id={id("ends_at")} label={t("detail.ends")} optional error={errors.ends_at}>
            <DatePicker
              id={id("ends_at")}
              aria-label={t("detail.ends")}
              granularity="minute"
              size="small"
              value={values.ends_at}
              onChange={(date) => onChange({ ends_at: date })}
              isInvalid={!!errors.ends_at}
            />
          </Field>
        </div>
        <SwitchRow
          id={id("is_active")}
          label={t("detail.active")}
          description={t("rules.active_hint")}
          checked={values.is_active}
          onCheckedChange={(is_active) => onChange({ is_active })}
        />
      </Group>

      <Group title={t("rules.limits")}>
        <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
          <InputField
            id={id("usage_limit")}
            label={t("detail.total_uses")}
            optional
            hint={t("rules.empty_unlimited")}
            error={errors.usage_limit}
            inputMode="numeric"
            disabled={values.one_time}
            value={values.one_time ? "1" : values.usage_limit}
            onValueChange={(usage_limit) => onChange({ usage_limit })}
          />
          <InputField
            id={id("per_customer_limit")}
            label={t("detail.uses_per_customer")}
            optional
            hint={t("rules.empty_unlimited")}
            error={errors.per_customer_limit}
            inputMode="numeric"
            value={values.per_customer_limit}
            onValueChange={(per_customer_limit) => onChange({ per_customer_limit })}
          />
        </div>
        <SwitchRow
          id={id("one_time")}
          label={t("rules.one_time")}
          description={t("rules.one_time_hint")}
          checked={values.one_time}
          onCheckedChange={(one_time) => onChange({ one_time })}
        />
        <SwitchRow
          id={id("first_purchase_only")}
          label={t("detail.first_purchase_only")}
          description={t("rules.first_purchase_hint")}
          checked={values.first_purchase_only}
          onCheckedChange={(first_purchase_only) => onChange({ first_purchase_only })}
        />
      </Group>

      <Group title={t("rules.restrictions")}>
        {values.type !== "free_period" && <TariffRestriction {...props} />}
        <CustomerRestriction {...props} />
      </Group>

      <Field id={id("description")} label={t("rules.description")} optional error={errors.description}>
        <Textarea
          id={id("description")}
          rows={3}
          value={values.description}
          onChange={(e) => onChange({ description: e.target.value })}
          {...invalidProps(id("description"), errors.description)}
        />
      </Field>
    </div>
  )
}
