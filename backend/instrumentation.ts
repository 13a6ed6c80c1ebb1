import { registerOtel } from "@medusajs/medusa"
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http"

/**
 * OpenTelemetry traces (HTTP requests, workflows and steps, Query, database
 * queries), exported over OTLP/HTTP. On only when OTEL_EXPORTER_OTLP_ENDPOINT
 * is set (e.g. http://otel-collector:4318); the exporter reads that variable
 * and OTEL_EXPORTER_OTLP_HEADERS itself. Medusa calls `register` at start.
 */
export function register() {
  if (!process.env.OTEL_EXPORTER_OTLP_ENDPOINT) {
    return
  }
  registerOtel({
    serviceName: process.env.OTEL_SERVICE_NAME || "cinema-backend",
    exporter: new OTLPTraceExporter(),
    instrument: {
      http: true,
      workflows: true,
      query: true,
      db: true,
    },
  })
}
