import { useTranslations } from "next-intl"
import type { StoreTariff } from "@/types/tariff"
import TariffCard from "./TariffCard"
import styles from "./TariffList.module.css"

type Props = {
  tariffs: StoreTariff[]
}

export default function TariffList({ tariffs }: Props) {
  const t = useTranslations("Home")

  return (
    <section aria-label={t("tariffsLabel")}>
      <ul className={styles.grid}>
        {tariffs.map((tariff) => (
          <li key={tariff.id} className={styles.item}>
            <TariffCard tariff={tariff} />
          </li>
        ))}
      </ul>
    </section>
  )
}
