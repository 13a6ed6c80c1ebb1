export {
  httpRequestDuration,
  jobLagSeconds,
  jobRunsTotal,
  observeJob,
  promocodeRejectionsTotal,
  purchasesTotal,
  rateLimitHitsTotal,
  renewalsTotal,
  registry,
} from "./registry"
export { httpMetricsMiddleware } from "./http"
export { refreshJobLag } from "./lag"
