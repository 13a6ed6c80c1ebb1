import { lines } from "./format"
import type { Templates } from "./types"

const SIGNATURE = "— Онлайн-кинотеатр"

export const ru: Templates = {
  receipt: (d, f) => ({
    subject: d.kind === "renewal" ? `Подписка «${d.plan}» продлена` : `Чек: ${d.plan}`,
    text: lines(
      d.kind === "renewal" ? "Ваша подписка продлена. Ваш чек:" : "Спасибо за покупку! Ваш чек:",
      "",
      `Тариф: ${d.plan}`,
      `Оплачено: ${f.money(d.total)}`,
      d.credit && `Зачтено за неиспользованное время прежнего тарифа: ${f.money(d.credit)}`,
      d.discount && `Скидка по промокоду: ${f.money(d.discount)}`,
      `Период: ${f.date(d.period_start)} – ${f.date(d.period_end)}`,
      d.card_last4 && `Карта: •••• ${d.card_last4}`,
      `Покупка: ${d.purchase_id}`,
      "",
      SIGNATURE
    ),
  }),

  renewal_reminder: (d, f) => ({
    subject: `Подписка «${d.plan}» продлится ${f.date(d.renews_at)}`,
    text: lines(
      `Подписка «${d.plan}» продлится автоматически ${f.date(d.renews_at)}.`,
      `С карты •••• ${d.card_last4} будет списано ${f.money(d.amount)}.`,
      "",
      `Сменить карту или отключить продление можно в личном кабинете: ${d.account_url}`,
      "",
      SIGNATURE
    ),
  }),

  payment_failed: (d, f) => ({
    subject: `Не удалось оплатить подписку «${d.plan}»`,
    text: lines(
      `Не удалось списать ${f.money(d.amount)}${d.card_last4 ? ` с карты •••• ${d.card_last4}` : ""} за продление подписки «${d.plan}».`,
      "",
      `Что дальше: мы повторим попытку ${f.date(d.next_attempt_at)}. Доступ сохранится до ${f.date(d.access_until)}; если к этому дню оплата не пройдёт, подписка закончится.`,
      `Что сделать: замените карту в личном кабинете, и мы сразу спишем оплату с новой: ${d.account_url}`,
      "",
      SIGNATURE
    ),
  }),

  subscription_canceled: (d, f) => ({
    subject: `Подписка «${d.plan}» отменена`,
    text: lines(
      d.by === "admin" ? `Подписку «${d.plan}» отменила служба поддержки.` : `Вы отменили подписку «${d.plan}».`,
      d.ended
        ? `Доступ закончился ${f.date(d.access_until)}.`
        : `Доступ сохранится до ${f.date(d.access_until)}; больше списаний не будет.`,
      "",
      d.ended
        ? `Оформить подписку снова можно в любой момент: ${d.account_url}`
        : `Передумали? Возобновите подписку в личном кабинете: ${d.account_url}`,
      "",
      SIGNATURE
    ),
  }),

  subscription_expired: (d, f) => ({
    subject: `Подписка «${d.plan}» закончилась`,
    text: lines(
      `Подписка «${d.plan}» закончилась ${f.date(d.ended_at)}.`,
      "",
      `Выберите тариф, чтобы смотреть дальше: ${d.tariffs_url}`,
      "",
      SIGNATURE
    ),
  }),

  trial_ending: (d, f) => ({
    subject: d.conversion
      ? `Пробный период заканчивается ${f.date(d.ends_at)}: дальше «${d.conversion.plan}»`
      : `Пробный период заканчивается ${f.date(d.ends_at)}`,
    text: lines(
      `Пробный период «${d.plan}» заканчивается ${f.date(d.ends_at)}.`,
      d.conversion
        ? `В этот день подписка перейдёт на тариф «${d.conversion.plan}», с карты •••• ${d.conversion.card_last4} будет списано ${f.money(d.conversion.amount)}.`
        : "После этого доступ закончится; выберите тариф, чтобы смотреть дальше.",
      "",
      d.conversion
        ? `Выбрать другой тариф или отключить продление можно в личном кабинете: ${d.account_url}`
        : `Личный кабинет: ${d.account_url}`,
      "",
      SIGNATURE
    ),
  }),
}
