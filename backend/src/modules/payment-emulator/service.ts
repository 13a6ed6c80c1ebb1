import type {
  AuthorizePaymentInput,
  AuthorizePaymentOutput,
  CancelPaymentInput,
  CancelPaymentOutput,
  CapturePaymentInput,
  CapturePaymentOutput,
  CreateAccountHolderInput,
  CreateAccountHolderOutput,
  DeleteAccountHolderInput,
  DeleteAccountHolderOutput,
  ListPaymentMethodsInput,
  ListPaymentMethodsOutput,
  SavePaymentMethodInput,
  SavePaymentMethodOutput,
  UpdateAccountHolderInput,
  UpdateAccountHolderOutput,
  DeletePaymentInput,
  DeletePaymentOutput,
  GetPaymentStatusInput,
  GetPaymentStatusOutput,
  InitiatePaymentInput,
  InitiatePaymentOutput,
  Logger,
  ProviderWebhookPayload,
  RefundPaymentInput,
  RefundPaymentOutput,
  RetrievePaymentInput,
  RetrievePaymentOutput,
  UpdatePaymentInput,
  UpdatePaymentOutput,
  WebhookActionResult,
} from "@medusajs/framework/types"
import {
  AbstractPaymentProvider,
  MathBN,
  MedusaError,
  PaymentActions,
  PaymentSessionStatus,
  generateEntityId,
} from "@medusajs/framework/utils"
import {
  EmulatorFailureReason,
  decideOffSessionOutcome,
  decideOutcome,
  savedCardFor,
} from "./lib/outcome"

export type EmulatorOptions = {
  /** share of otherwise successful authorizations declined at random (0..1), default 0 */
  declineRate?: number
  /** milliseconds to wait before answering an authorization, default 0 */
  delayMs?: number
  /**
   * capture in the authorization, as a gateway's "automatic capture" setting
   * does: an approved authorization answers `captured` and the Payment Module
   * records the capture itself (no `capturePayment` call); default false
   */
  autoCapture?: boolean
}

/** The state of an emulated payment, kept in the session's / payment's `data`. */
export type EmulatorStatus =
  | "pending"
  | "authorized"
  | "declined"
  | "captured"
  | "canceled"

/**
 * Fields the emulator adds to the payment data. Everything the caller put in
 * `data` (e.g. `token`) is kept next to them.
 */
export type EmulatorPaymentData = {
  token?: unknown
  /** an off-session charge of a saved card: its id, and the 1-based number of this off-session charge on it */
  payment_method_id?: unknown
  off_session?: unknown
  off_session_attempt?: unknown
  emulator_id?: string
  emulator_status?: EmulatorStatus
  /** set when the authorization was declined or failed */
  failure_reason?: EmulatorFailureReason
  failure_message?: string
  authorized_at?: string
  declined_at?: string
  captured_at?: string
  canceled_at?: string
  /** decimal string, sum of refunds */
  refunded_amount?: string
}

const MAX_DELAY_MS = 10 * 60 * 1000

const FAILURE_MESSAGES: Record<EmulatorFailureReason, string> = {
  card_declined: "The card was declined.",
  insufficient_funds: "The card has insufficient funds.",
  gateway_error: "The payment gateway failed to process the payment.",
  invalid_token: "The payment token is not valid.",
}

const STATUS_BY_EMULATOR_STATUS: Record<EmulatorStatus, PaymentSessionStatus> = {
  pending: PaymentSessionStatus.PENDING,
  authorized: PaymentSessionStatus.AUTHORIZED,
  declined: PaymentSessionStatus.ERROR,
  captured: PaymentSessionStatus.CAPTURED,
  canceled: PaymentSessionStatus.CANCELED,
}

type InjectedDependencies = {
  logger?: Logger
}

function readData(
  input: { data?: Record<string, unknown> } | undefined
): EmulatorPaymentData & Record<string, unknown> {
  return { ...(input?.data ?? {}) }
}

/**
 * A payment gateway emulator for development and tests: no money moves. The
 * outcome of an authorization follows the test token in the payment data
 * (`data.token`, see lib/outcome.ts) and, for successful tokens, a configured
 * random decline rate.
 *
 * A declined or failed authorization is *returned* (status `error`, with
 * `failure_reason` and `failure_message` in `data`), never thrown: the Payment
 * Module then stores that data and status on the payment session before it
 * throws its own NOT_ALLOWED error, so the caller reads the reason from
 * `retrievePaymentSession(id).data.failure_reason`.
 */
class EmulatorPaymentProviderService extends AbstractPaymentProvider<EmulatorOptions> {
  static identifier = "emulator"

  protected readonly declineRate_: number
  protected readonly delayMs_: number
  protected readonly autoCapture_: boolean
  protected readonly logger_?: Logger

  static validateOptions(options: Record<string, unknown> = {}): void {
    const { declineRate, delayMs, autoCapture } = options ?? {}
    if (autoCapture !== undefined && typeof autoCapture !== "boolean") {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `Payment emulator: autoCapture must be true or false, got ${String(autoCapture)}`
      )
    }
    if (
      declineRate !== undefined &&
      (typeof declineRate !== "number" ||
        !Number.isFinite(declineRate) ||
        declineRate < 0 ||
        declineRate > 1)
    ) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `Payment emulator: declineRate must be a number from 0 to 1, got ${String(declineRate)}`
      )
    }
    if (
      delayMs !== undefined &&
      (typeof delayMs !== "number" ||
        !Number.isFinite(delayMs) ||
        delayMs < 0 ||
        delayMs > MAX_DELAY_MS)
    ) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `Payment emulator: delayMs must be a number from 0 to ${MAX_DELAY_MS}, got ${String(delayMs)}`
      )
    }
  }

  constructor(container: InjectedDependencies, options: EmulatorOptions = {}) {
    super(container as Record<string, unknown>, options)
    EmulatorPaymentProviderService.validateOptions(options)
    this.declineRate_ = options.declineRate ?? 0
    this.delayMs_ = options.delayMs ?? 0
    this.autoCapture_ = options.autoCapture ?? false
    this.logger_ = container.logger
  }

  async initiatePayment(
    input: InitiatePaymentInput
  ): Promise<InitiatePaymentOutput> {
    const emulatorId = generateEntityId(undefined, "emu")
    return {
      id: emulatorId,
      status: PaymentSessionStatus.PENDING,
      data: {
        ...readData(input),
        emulator_id: emulatorId,
        emulator_status: "pending",
      },
    }
  }

  async updatePayment(input: UpdatePaymentInput): Promise<UpdatePaymentOutput> {
    // the caller's new data (e.g. another token) replaces the old one
    return { data: readData(input) }
  }

  async authorizePayment(
    input: AuthorizePaymentInput
  ): Promise<AuthorizePaymentOutput> {
    const data = readData(input)
    if (this.delayMs_ > 0) {
      await new Promise((resolve) => setTimeout(resolve, this.delayMs_))
    }

    // idempotent: an answered authorization is answered the same way again
    if (
      data.emulator_status &&
      data.emulator_status !== "pending"
    ) {
      return { status: STATUS_BY_EMULATOR_STATUS[data.emulator_status], data }
    }

    const token =
      data.token ?? (input.context as Record<string, unknown> | undefined)?.token
    const outcome = data.off_session
      ? decideOffSessionOutcome(data.payment_method_id, Number(data.off_session_attempt ?? 1))
      : decideOutcome(token, this.declineRate_)
    const at = new Date().toISOString()
    if (!outcome.approved) {
      this.logger_?.info?.(
        `Payment emulator declined ${String(data.session_id ?? data.emulator_id)}: ${outcome.reason}`
      )
      return {
        status: PaymentSessionStatus.ERROR,
        data: {
          ...data,
          emulator_status: "declined",
          failure_reason: outcome.reason,
          failure_message: FAILURE_MESSAGES[outcome.reason],
          declined_at: at,
        },
      }
    }
    if (this.autoCapture_) {
      return {
        status: PaymentSessionStatus.CAPTURED,
        data: { ...data, emulator_status: "captured", authorized_at: at, captured_at: at },
      }
    }
    return {
      status: PaymentSessionStatus.AUTHORIZED,
      data: { ...data, emulator_status: "authorized", authorized_at: at },
    }
  }

  async capturePayment(
    input: CapturePaymentInput
  ): Promise<CapturePaymentOutput> {
    const data = readData(input)
    if (data.emulator_status === "captured") {
      return { data }
    }
    if (data.emulator_status !== "authorized") {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Payment emulator: cannot capture a payment that is ${String(data.emulator_status ?? "unknown")}`
      )
    }
    return {
      data: {
        ...data,
        emulator_status: "captured",
        captured_at: new Date().toISOString(),
      },
    }
  }

  async cancelPayment(input: CancelPaymentInput): Promise<CancelPaymentOutput> {
    const data = readData(input)
    if (data.emulator_status === "captured") {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        "Payment emulator: a captured payment is refunded, not canceled"
      )
    }
    if (data.emulator_status === "canceled") {
      return { data }
    }
    return {
      data: {
        ...data,
        emulator_status: "canceled",
        canceled_at: new Date().toISOString(),
      },
    }
  }

  async refundPayment(input: RefundPaymentInput): Promise<RefundPaymentOutput> {
    const data = readData(input)
    if (data.emulator_status !== "captured") {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Payment emulator: cannot refund a payment that is ${String(data.emulator_status ?? "unknown")}`
      )
    }
    const refunded = MathBN.add(data.refunded_amount ?? 0, input.amount)
    return { data: { ...data, refunded_amount: refunded.toString() } }
  }

  async retrievePayment(
    input: RetrievePaymentInput
  ): Promise<RetrievePaymentOutput> {
    return { data: readData(input) }
  }

  async deletePayment(input: DeletePaymentInput): Promise<DeletePaymentOutput> {
    return { data: readData(input) }
  }

  async getPaymentStatus(
    input: GetPaymentStatusInput
  ): Promise<GetPaymentStatusOutput> {
    const data = readData(input)
    const status = data.emulator_status
      ? STATUS_BY_EMULATOR_STATUS[data.emulator_status]
      : PaymentSessionStatus.PENDING
    return { status: status ?? PaymentSessionStatus.PENDING, data }
  }

  /**
   * A gateway customer. The emulator has no storage: the customer's saved
   * cards live in the account holder's `data.payment_methods`, which Medusa
   * stores (see `updateAccountHolder`).
   */
  async createAccountHolder(
    input: CreateAccountHolderInput
  ): Promise<CreateAccountHolderOutput> {
    const id = generateEntityId(undefined, "emucus")
    return {
      id,
      data: { id, email: input.context.customer.email, payment_methods: [] },
    }
  }

  /** Takes the account holder's data as given (how a saved card is listed on it). */
  async updateAccountHolder(
    input: UpdateAccountHolderInput
  ): Promise<UpdateAccountHolderOutput> {
    return { data: { ...input.context.account_holder.data } }
  }

  async deleteAccountHolder(
    _input: DeleteAccountHolderInput
  ): Promise<DeleteAccountHolderOutput> {
    return {}
  }

  /**
   * Saves the card behind a test token (`data.token`, see lib/outcome.ts) for
   * off-session charges. A token that cannot be saved is refused
   * (INVALID_DATA `invalid_token`), as a gateway refuses a bad card.
   */
  async savePaymentMethod(
    input: SavePaymentMethodInput
  ): Promise<SavePaymentMethodOutput> {
    const saved = savedCardFor(input.data?.token, generateEntityId())
    if (!saved.card) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        FAILURE_MESSAGES[saved.reason],
        saved.reason
      )
    }
    const { id, brand, last4 } = saved.card
    return { id, data: { id, brand, last4, saved_at: new Date().toISOString() } }
  }

  /** The cards listed on the account holder (`data.payment_methods`). */
  async listPaymentMethods(
    input: ListPaymentMethodsInput
  ): Promise<ListPaymentMethodsOutput> {
    const methods = input.context?.account_holder?.data?.payment_methods
    if (!Array.isArray(methods)) {
      return []
    }
    return methods
      .filter((m): m is { id: string } => typeof m?.id === "string")
      .map((m) => ({ id: m.id, data: { ...m } }))
  }

  async getWebhookActionAndData(
    _payload: ProviderWebhookPayload["payload"]
  ): Promise<WebhookActionResult> {
    // the emulator answers synchronously and sends no webhooks
    return { action: PaymentActions.NOT_SUPPORTED }
  }
}

export default EmulatorPaymentProviderService
