import { useTranslations } from "next-intl"
import StatusPanel from "@/components/common/StatusPanel"
import statusStyles from "@/components/common/StatusPanel.module.css"
import { Link } from "@/i18n/navigation"

export default function NotFound() {
  const t = useTranslations("Errors")

  return (
    <StatusPanel
      headingLevel={1}
      title={t("notFoundTitle")}
      text={t("notFoundText")}
    >
      <Link href="/" className={statusStyles.button}>
        {t("backHome")}
      </Link>
    </StatusPanel>
  )
}
