import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminProduct, DetailWidgetProps } from "@medusajs/framework/types"
import { PencilSquare } from "@medusajs/icons"
import { Alert, Badge, Button, Drawer, Input, Select, Table, Text, toast } from "@medusajs/ui"
import { useEffect, useMemo, useState, type FormEvent } from "react"
import { Field, invalidProps } from "../components/field"
import { Section } from "../components/section"
import { EmptyState, ErrorState, LoadingState } from "../components/states"
import { useProductVariants, useSubscriptionPlans, useUpsertSubscriptionPlan } from "../hooks/tariffs"
import { errorMessage, type FieldErrors } from "../lib/errors"
import { formatInterval, parseWholeNumber } from "../lib/format"
import type { PlanInterval, SubscriptionPlan } from "../lib/types"
import { tr, useT } from "../lib/i18n"

type Variant = { id: string; title: string; sku: string | null }

type Row = {
  interval: PlanInterval
  interval_count: string
  trial_days: string
  /** changed in the drawer (a variant without terms is saved only then) */
  touched: boolean
}

const INTERVALS: PlanInterval[] = ["day", "month", "year"]

function rowOf(plan: SubscriptionPlan | undefined): Row {
  return {
    interval: plan?.interval ?? "month",
    interval_count: String(plan?.interval_count ?? 1),
    trial_days: String(plan?.trial_days ?? 0),
    touched: false,
  }
}

function checkRow(row: Row): FieldErrors {
  const errors: FieldErrors = {}
  const count = parseWholeNumber(row.interval_count)
  if (count === null || count < 1 || count > 1000) {
    errors.interval_count = tr("plan_terms.count_error")
  }
  const trial = parseWholeNumber(row.trial_days)
  if (trial === null || trial > 3650) {
    errors.trial_days = tr("plan_terms.trial_error")
  }
  return errors
}

function EditTermsDrawer({
  open,
  onOpenChange,
  variants,
  plans,
}: {
  open: boolean
  onOpenChange: (open: boolean) => void
  variants: Variant[]
  plans: Map<string, SubscriptionPlan>
}) {
  const { t } = useT()
  const [rows, setRows] = useState<Record<string, Row>>({})
  const [errors, setErrors] = useState<Record<string, FieldErrors>>({})
  const [saving, setSaving] = useState(false)
  const upsert = useUpsertSubscriptionPlan()

  // filled from the saved terms when the drawer opens (not on every refetch,
  // which would throw away what the admin typed)
  useEffect(() => {
    if (open) {
      setRows(Object.fromEntries(variants.map((v) => [v.id, rowOf(plans.get(v.id))])))
      setErrors({})
    }
  }, [open])

  const change = (id: string, patch: Partial<Row>) => {
    setRows((r) => ({ ...r, [id]: { ...r[id], ...patch, touched: true } }))
    setErrors((e) => ({ ...e, [id]: {} }))
  }

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault()
    const found: Record<string, FieldErrors> = {}
    for (const v of variants) {
      const e = checkRow(rows[v.id])
      if (Object.keys(e).length) {
        found[v.id] = e
      }
    }
    setErrors(found)
    if (Object.keys(found).length) {
      return
    }
    const toSave = variants.filter((v) => {
      const row = rows[v.id]
      const plan = plans.get(v.id)
      if (!plan) {
        return row.touched
      }
      return (
        plan.interval !== row.interval ||
        String(plan.interval_count) !== row.interval_count.trim() ||
        String(plan.trial_days) !== row.trial_days.trim()
      )
    })
    setSaving(true)
    const failed: Record<string, FieldErrors> = {}
    for (const v of toSave) {
      const row = rows[v.id]
      try {
        await upsert.mutateAsync({
          variant_id: v.id,
          interval: row.interval,
          interval_count: parseWholeNumber(row.interval_count) ?? 1,
          trial_days: parseWholeNumber(row.trial_days) ?? 0,
        })
      } catch (error) {
        failed[v.id] = { form: errorMessage(error) }
      }
    }
    setSaving(false)
    if (Object.keys(failed).length) {
      setErrors(failed)
      return
    }
    toast.success(toSave.length ? t("plan_terms.saved") : t("plan_terms.unchanged"))
    onOpenChange(false)
  }

  return (
    <Drawer open={open} onOpenChange={onOpenChange}>
      <Drawer.Content aria-describedby={undefined}>
        <form onSubmit={onSubmit} noValidate className="flex flex-1 flex-col overflow-hidden">
          <Drawer.Header>
            <Drawer.Title>{t("plan_terms.edit_title")}</Drawer.Title>
          </Drawer.Header>
          <Drawer.Body className="flex flex-col gap-y-6 overflow-y-auto">
            {variants.map((v) => {
              const row = rows[v.id]
              const e = errors[v.id] ?? {}
              if (!row) {
                return null
              }
              const id = (name: string) => `plan-${v.id}-${name}`
              return (
                <fieldset key={v.id} className="flex flex-col gap-y-3">
                  <legend className="mb-3">
                    <Text size="small" weight="plus">
                      {v.title}
                    </Text>
                  </legend>
                  {e.form && (
                    <Alert variant="error" dismissible={false}>
                      {e.form}
                    </Alert>
                  )}
                  <div className="grid grid-cols-3 gap-3">
                    <Field id={id("interval")} label={t("plan_terms.billed_every")}>
                      <Select
                        size="small"
                        value={row.interval}
                        onValueChange={(value) => change(v.id, { interval: value as PlanInterval })}
                      >
                        <Select.Trigger id={id("interval")}>
                          <Select.Value />
                        </Select.Trigger>
                        <Select.Content>
                          {INTERVALS.map((i) => (
                            <Select.Item key={i} value={i}>
                              {t(`plan_terms.interval.${i}`)}
                            </Select.Item>
                          ))}
                        </Select.Content>
                      </Select>
                    </Field>
                    <Field id={id("interval_count")} label={t("report.count")} error={e.interval_count}>
                      <Input
                        id={id("interval_count")}
                        size="small"
                        inputMode="numeric"
                        value={row.interval_count}
                        onChange={(ev) => change(v.id, { interval_count: ev.target.value })}
                        {...invalidProps(id("interval_count"), e.interval_count)}
                      />
                    </Field>
                    <Field id={id("trial_days")} label={t("plan_terms.trial_days")} error={e.trial_days}>
                      <Input
                        id={id("trial_days")}
                        size="small"
                        inputMode="numeric"
                        value={row.trial_days}
                        onChange={(ev) => change(v.id, { trial_days: ev.target.value })}
                        {...invalidProps(id("trial_days"), e.trial_days)}
                      />
                    </Field>
                  </div>
                </fieldset>
              )
            })}
          </Drawer.Body>
          <Drawer.Footer>
            <Drawer.Close asChild>
              <Button size="small" variant="secondary" type="button">
                {t("common.cancel")}
              </Button>
            </Drawer.Close>
            <Button size="small" type="submit" isLoading={saving}>
              {t("common.save")}
            </Button>
          </Drawer.Footer>
        </form>
      </Drawer.Content>
    </Drawer>
  )
}

/** On a tariff's page: the billing terms of each of its plans (variants), editable. */
const ProductPlanTermsWidget = ({ data }: DetailWidgetProps<AdminProduct>) => {
  const { t } = useT()
  const [editOpen, setEditOpen] = useState(false)
  const variantsQuery = useProductVariants(data?.id ?? "")
  const variants = useMemo(() => variantsQuery.data ?? [], [variantsQuery.data])
  const variantIds = useMemo(() => variants.map((v) => v.id), [variants])
  const plansQuery = useSubscriptionPlans(variantIds)
  const plans = useMemo(
    () => new Map((plansQuery.data?.plans ?? []).map((p) => [p.variant_id, p])),
    [plansQuery.data]
  )

  const loading = variantsQuery.isLoading || (variants.length > 0 && plansQuery.isLoading)
  const failed = variantsQuery.isError ? variantsQuery : plansQuery.isError ? plansQuery : null

  return (
    <div role="region" aria-label={t("plan_terms.title")}>
      <Section
        title={t("plan_terms.title")}
        description={t("plan_terms.description")}
        actions={
          variants.length > 0 && !failed ? (
            <Button size="small" variant="secondary" onClick={() => setEditOpen(true)} disabled={loading}>
              <PencilSquare />
              {t("common.edit")}
            </Button>
          ) : undefined
        }
      >
        {loading ? (
          <LoadingState rows={2} label={t("plan_terms.loading")} />
        ) : failed ? (
          <ErrorState error={failed.error} title={t("plan_terms.load_failed")} onRetry={() => failed.refetch()} />
        ) : !variants.length ? (
          <EmptyState title={t("plan_terms.no_variants")} description={t("plan_terms.no_variants_text")} />
        ) : (
          <Table aria-label={t("plan_terms.title")}>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>{t("validate.plan")}</Table.HeaderCell>
                <Table.HeaderCell>{t("plan_terms.billed")}</Table.HeaderCell>
                <Table.HeaderCell className="text-right">{t("plan_terms.trial_days")}</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {variants.map((v) => {
                const plan = plans.get(v.id)
                return (
                  <Table.Row key={v.id}>
                    <Table.Cell>
                      {v.title}
                      {v.sku && <span className="text-ui-fg-muted ml-2 font-mono text-xs">{v.sku}</span>}
                    </Table.Cell>
                    <Table.Cell>
                      {plan ? (
                        formatInterval(plan.interval, plan.interval_count)
                      ) : (
                        <Badge size="2xsmall" color="orange">
                          {t("plan_terms.no_terms")}
                        </Badge>
                      )}
                    </Table.Cell>
                    <Table.Cell className="text-right">{plan ? plan.trial_days : "—"}</Table.Cell>
                  </Table.Row>
                )
              })}
            </Table.Body>
          </Table>
        )}
        <EditTermsDrawer open={editOpen} onOpenChange={setEditOpen} variants={variants} plans={plans} />
      </Section>
    </div>
  )
}

export const config = defineWidgetConfig({
  zone: "product.details",
})

export default ProductPlanTermsWidget
