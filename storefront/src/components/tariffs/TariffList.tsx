import { useTranslations } from "next-intl"
import type { Subscription } from "@/types/purchase"
import type { StoreTariff } from "@/types/tariff"
import TariffCard from "./TariffCard"
import styles from "./TariffList.module.css"

type Props = {
  tariffs: StoreTariff[]
  /** The signed-in customer's current subscriptions (empty when signed out). */
  current: Subscription[]
}

export default function TariffList({ tariffs, current }: Props) {
  const t = useTranslations("Home")

  return (
    <section aria-label={t("tariffsLabel")}>
      <ul className={styles.grid}>
        {tariffs.map((tariff) => (
          <li key={tariff.id} className={styles.item}>
            <TariffCard
              tariff={tariff}
              current={
                current.find(
                  (s) =>
                    s.product_id === tariff.id ||
                    tariff.plans.some((p) => p.variant_id === s.variant_id)
                ) ?? null
              }
            />
          </li>
        ))}
      </ul>
    </section>
  )
}
