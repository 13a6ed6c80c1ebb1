import { lines } from "./format"
import type { Templates } from "./types"

const SIGNATURE = "— Cinema Online"

export const en: Templates = {
  receipt: (d, f) => ({
    subject: d.kind === "renewal" ? `Your ${d.plan} subscription was renewed` : `Receipt: ${d.plan}`,
    text: lines(
      d.kind === "renewal" ? "Your subscription was renewed. Here is your receipt." : "Thank you for your purchase. Here is your receipt.",
      "",
      `Plan: ${d.plan}`,
      `Paid: ${f.money(d.total)}`,
      d.credit && `Credit for the unused time of your previous plan: ${f.money(d.credit)}`,
      d.discount && `Promo code discount: ${f.money(d.discount)}`,
      `Period: ${f.date(d.period_start)} – ${f.date(d.period_end)}`,
      d.card_last4 && `Card: •••• ${d.card_last4}`,
      `Purchase: ${d.purchase_id}`,
      "",
      SIGNATURE
    ),
  }),

  renewal_reminder: (d, f) => ({
    subject: `Your ${d.plan} subscription renews on ${f.date(d.renews_at)}`,
    text: lines(
      `Your ${d.plan} subscription renews automatically on ${f.date(d.renews_at)}.`,
      `We will charge ${f.money(d.amount)} to your card •••• ${d.card_last4}.`,
      "",
      `To change the card or turn renewal off, open your account: ${d.account_url}`,
      "",
      SIGNATURE
    ),
  }),

  payment_failed: (d, f) => ({
    subject: `We could not charge your card for ${d.plan}`,
    text: lines(
      `We could not charge ${f.money(d.amount)}${d.card_last4 ? ` to your card •••• ${d.card_last4}` : ""} to renew your ${d.plan} subscription.`,
      "",
      `What happens next: we will try again on ${f.date(d.next_attempt_at)}. You keep access until ${f.date(d.access_until)}; if no payment goes through by then, the subscription ends.`,
      `What to do: replace the card on your account page and we will charge it at once: ${d.account_url}`,
      "",
      SIGNATURE
    ),
  }),

  subscription_canceled: (d, f) => ({
    subject: `Your ${d.plan} subscription is cancelled`,
    text: lines(
      d.by === "admin" ? `Your ${d.plan} subscription was cancelled by our support team.` : `You cancelled your ${d.plan} subscription.`,
      d.ended
        ? `Access ended on ${f.date(d.access_until)}.`
        : `You keep access until ${f.date(d.access_until)}; nothing more will be charged.`,
      "",
      d.ended ? `You can subscribe again at any time: ${d.account_url}` : `Changed your mind? Resume it on your account page: ${d.account_url}`,
      "",
      SIGNATURE
    ),
  }),

  subscription_expired: (d, f) => ({
    subject: `Your ${d.plan} subscription has ended`,
    text: lines(
      `Your ${d.plan} subscription ended on ${f.date(d.ended_at)}.`,
      "",
      `Pick a plan to keep watching: ${d.tariffs_url}`,
      "",
      SIGNATURE
    ),
  }),

  trial_ending: (d, f) => ({
    subject: d.conversion
      ? `Your trial ends on ${f.date(d.ends_at)}: ${d.conversion.plan} starts`
      : `Your trial ends on ${f.date(d.ends_at)}`,
    text: lines(
      `Your ${d.plan} trial ends on ${f.date(d.ends_at)}.`,
      d.conversion
        ? `On that day it becomes ${d.conversion.plan}, and we will charge ${f.money(d.conversion.amount)} to your card •••• ${d.conversion.card_last4}.`
        : "After that day your access ends; choose a plan to keep watching.",
      "",
      d.conversion
        ? `To choose another plan or turn renewal off, open your account: ${d.account_url}`
        : `Your account: ${d.account_url}`,
      "",
      SIGNATURE
    ),
  }),
}
