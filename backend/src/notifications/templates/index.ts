import type { Lang } from "../../lib/i18n"
import { en } from "./en"
import { formatter, textToHtml } from "./format"
import { ru } from "./ru"
import type { NotificationTemplate, TemplateData, Templates } from "./types"

export * from "./types"

const TEMPLATES: Record<Lang, Templates> = { en, ru }

/** A template in a language: the subject, the text body and the same as simple HTML. */
export function renderNotification<T extends NotificationTemplate>(
  template: T,
  lang: Lang,
  data: TemplateData[T]
): { subject: string; text: string; html: string } {
  const render = TEMPLATES[lang][template] as (d: TemplateData[T], f: ReturnType<typeof formatter>) => {
    subject: string
    text: string
  }
  const { subject, text } = render(data, formatter(lang))
  return { subject, text, html: textToHtml(text) }
}
