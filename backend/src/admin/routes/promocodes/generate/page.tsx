import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ArrowLeft } from "@medusajs/icons"
import { Alert, Button, Heading, StatusBadge, Text } from "@medusajs/ui"
import { Link, useSearchParams } from "react-router-dom"
import { ExportCodes } from "../../../components/export-codes"
import { InputField } from "../../../components/field"
import { RulesFields } from "../../../components/rules-fields"
import { Section } from "../../../components/section"
import { ErrorState, LoadingState } from "../../../components/states"
import { useGeneratePromocodes, usePromocodeBatch } from "../../../hooks/promocodes"
import { useCheckedForm } from "../../../hooks/use-checked-form"
import {
  GENERATE_FIELDS,
  MAX_BATCH_COUNT,
  emptyGenerateForm,
  generatePayload,
  validateGenerateForm,
  type GenerateFormValues,
} from "../../../lib/promocode-form"
import { formatNumber } from "../../../lib/format"
import { tr, useT } from "../../../lib/i18n"
import type { BatchStatus, PromocodeBatch } from "../../../lib/types"

const ID_PREFIX = "generate"

const BATCH_STATUS_COLORS: Record<BatchStatus, "grey" | "blue" | "green" | "red"> = {
  pending: "grey",
  running: "blue",
  completed: "green",
  failed: "red",
}

/** Percent done: from generated/count, else from the server's `progress` (0–1 or 0–100). */
function percentDone(batch: PromocodeBatch): number {
  if (batch.status === "completed") {
    return 100
  }
  if (batch.count > 0 && typeof batch.generated === "number") {
    return Math.min(100, Math.floor((batch.generated / batch.count) * 100))
  }
  const progress = batch.progress ?? 0
  return Math.min(100, Math.floor(progress <= 1 ? progress * 100 : progress))
}

function BatchProgress({ batchId, onNew }: { batchId: string; onNew: () => void }) {
  const { t } = useT()
  const { data, isLoading, isError, error, refetch } = usePromocodeBatch(batchId)

  if (isLoading) {
    return <LoadingState rows={2} label={t("generate.loading")} />
  }
  if (isError || !data) {
    return <ErrorState error={error} title={t("generate.load_failed")} onRetry={() => refetch()} />
  }
  const { batch } = data
  const percent = percentDone(batch)
  const status = batch.status in BATCH_STATUS_COLORS ? batch.status : "pending"
  return (
    <div className="flex flex-col gap-y-4 px-6 py-4">
      <div className="flex items-center justify-between gap-x-4">
        <Text size="small" leading="compact">
          {t("list.batch")} <span className="font-mono">{batch.id}</span>
        </Text>
        <StatusBadge color={BATCH_STATUS_COLORS[status]}>{t(`generate.status.${status}`)}</StatusBadge>
      </div>
      <div
        role="progressbar"
        aria-label={t("generate.progress")}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        className="bg-ui-bg-subtle shadow-borders-base h-2 w-full overflow-hidden rounded-full"
      >
        <div
          className={
            batch.status === "failed" ? "bg-ui-tag-red-icon h-full" : "bg-ui-fg-interactive h-full transition-[width]"
          }
          style={{ width: `${percent}%` }}
        />
      </div>
      <Text size="small" className="text-ui-fg-subtle" aria-live="polite">
        {t(batch.status === "completed" ? "generate.generated_done" : "generate.generated_so_far", {
          done: formatNumber(batch.generated ?? 0),
          total: formatNumber(batch.count),
        })}
      </Text>
      {batch.status === "failed" && (
        <Alert variant="error" dismissible={false}>
          {batch.error || t("generate.stopped")}
        </Alert>
      )}
      <div className="flex flex-wrap items-center justify-end gap-2">
        <Button size="small" variant="secondary" type="button" onClick={onNew}>
          {t("generate.another")}
        </Button>
        {batch.status === "completed" && (
          <>
            <Button size="small" variant="secondary" asChild>
              <Link to={`/promocodes?batch_id=${encodeURIComponent(batch.id)}`}>{t("generate.view_codes")}</Link>
            </Button>
            <ExportCodes batchId={batch.id} />
          </>
        )}
      </div>
    </div>
  )
}

function GenerateForm({ onStarted }: { onStarted: (batch: PromocodeBatch) => void }) {
  const { t } = useT()
  const { values, errors, formError, onChange, submit } = useCheckedForm<GenerateFormValues>({
    initial: emptyGenerateForm,
    validate: validateGenerateForm,
    idPrefix: ID_PREFIX,
    fields: GENERATE_FIELDS,
  })
  const generate = useGeneratePromocodes()

  const onSubmit = submit(async (values) => {
    const { batch } = await generate.mutateAsync(generatePayload(values))
    onStarted(batch)
  })

  const id = (name: string) => `${ID_PREFIX}-${name}`
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-y-8 px-6 py-6">
      {formError && (
        <Alert variant="error" dismissible={false}>
          {formError}
        </Alert>
      )}
      <fieldset className="flex flex-col gap-y-4">
        <legend className="mb-4">
          <Heading level="h3">{t("generate.codes")}</Heading>
        </legend>
        <div className="grid grid-cols-1 gap-4 md:grid-cols-3">
          <InputField
            id={id("count")}
            label={t("generate.how_many")}
            hint={t("generate.how_many_hint", { max: formatNumber(MAX_BATCH_COUNT) })}
            error={errors.count}
            inputMode="numeric"
            value={values.count}
            onValueChange={(count) => onChange({ count })}
          />
          <InputField
            id={id("prefix")}
            label={t("generate.prefix")}
            optional
            hint={t("generate.prefix_hint")}
            error={errors.prefix}
            className="font-mono uppercase"
            value={values.prefix}
            onValueChange={(prefix) => onChange({ prefix })}
          />
          <InputField
            id={id("length")}
            label={t("generate.length")}
            hint={t("generate.length_hint")}
            error={errors.length}
            inputMode="numeric"
            value={values.length}
            onValueChange={(length) => onChange({ length })}
          />
        </div>
      </fieldset>
      <RulesFields idPrefix={ID_PREFIX} values={values} errors={errors} onChange={onChange} />
      <div className="flex justify-end gap-x-2">
        <Button size="small" variant="secondary" asChild>
          <Link to="/promocodes">{t("common.cancel")}</Link>
        </Button>
        <Button size="small" type="submit" isLoading={generate.isPending}>
          {t("generate.submit")}
        </Button>
      </div>
    </form>
  )
}

/**
 * Bulk generation: the form starts a background job; its progress is polled
 * until the batch can be downloaded as CSV. The batch id stays in the URL, so
 * leaving and coming back shows the same job.
 */
const GeneratePromocodesPage = () => {
  const { t } = useT()
  const [searchParams, setSearchParams] = useSearchParams()
  const batchId = searchParams.get("batch")

  return (
    <div className="flex flex-col gap-y-3">
      <Link
        to="/promocodes"
        className="text-ui-fg-subtle hover:text-ui-fg-base txt-compact-small flex w-fit items-center gap-x-1"
      >
        <ArrowLeft /> {t("nav.promocodes")}
      </Link>
      <Section
        level="h1"
        title={t("generate.title")}
        description={t("generate.description")}
      >
        {batchId ? (
          <BatchProgress batchId={batchId} onNew={() => setSearchParams({})} />
        ) : (
          <GenerateForm onStarted={(batch) => setSearchParams({ batch: batch.id })} />
        )}
      </Section>
    </div>
  )
}

export const config = defineRouteConfig({
  label: "cinema.nav.generate",
  translationNs: "translation",
  rank: 1,
})

export const handle = {
  breadcrumb: () => tr("generate.title"),
}

export default GeneratePromocodesPage
