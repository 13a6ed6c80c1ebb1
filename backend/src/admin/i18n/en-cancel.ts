/** The admin's cancel dialog (components/cancel-subscription.tsx), English. */
export default {
  ends_on: "Subscription ends on {{date}}",
  canceled_refunded: "Subscription canceled now, {{amount}} refunded",
  canceled_now: "Subscription canceled now",
  failed: "Could not cancel the subscription",
  title: "Cancel the subscription?",
  when: "When the subscription ends",
  at_period_end: "At the period end",
  at_period_end_text: "Access continues until {{date}}, then the subscription ends.",
  now: "Now",
  now_text: "Access ends immediately.",
  refund: "Refund the unused part (prorated)",
  refund_text: "The paid amount × the time left until {{date}} / the period, through the payment provider.",
  keep: "Keep subscription",
  cancel_now: "Cancel now",
  cancel_on: "Cancel on {{date}}",
}
