/** The admin's cancel dialog (components/cancel-subscription.tsx), Russian. */
export default {
  ends_on: "Подписка закончится {{date}}",
  canceled_refunded: "Подписка отменена сейчас, возвращено {{amount}}",
  canceled_now: "Подписка отменена сейчас",
  failed: "Не удалось отменить подписку",
  title: "Отменить подписку?",
  when: "Когда закончится подписка",
  at_period_end: "В конце периода",
  at_period_end_text: "Доступ сохранится до {{date}}, потом подписка закончится.",
  now: "Сейчас",
  now_text: "Доступ закончится сразу.",
  refund: "Вернуть неиспользованную часть (пропорционально)",
  refund_text: "Оплаченная сумма × время, оставшееся до {{date}} / период, через платёжного провайдера.",
  keep: "Оставить подписку",
  cancel_now: "Отменить сейчас",
  cancel_on: "Отменить {{date}}",
}
