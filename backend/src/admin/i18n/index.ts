import en from "./en"
import ru from "./ru"

/**
 * Translations of our admin pages and widgets, merged by the admin build into
 * the dashboard's resources (Medusa ≥ 2.11.1: src/admin/i18n/index.ts).
 * Used through lib/i18n.ts (`useT`, `tr`).
 */
export default {
  en: { translation: { cinema: en } },
  ru: { translation: { cinema: ru } },
}
