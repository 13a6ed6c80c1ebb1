import { useTranslations } from "next-intl"
import type { PlanOffer } from "@/lib/data/subscriptions"
import type { Subscription } from "@/types/purchase"
import type { StoreTariff } from "@/types/tariff"
import TariffCard from "./TariffCard"
import styles from "./TariffList.module.css"

type Props = {
  tariffs: StoreTariff[]
  /** The signed-in customer's live subscription (null when signed out or none). */
  live: Subscription | null
  /** What buying each plan would do for the signed-in customer (empty when signed out). */
  offers: Record<string, PlanOffer>
}

export default function TariffList({ tariffs, live, offers }: Props) {
  const t = useTranslations("Home")

  return (
    <section aria-label={t("tariffsLabel")}>
      <ul className={styles.grid}>
        {tariffs.map((tariff) => (
          <li key={tariff.id} className={styles.item}>
            <TariffCard
              tariff={tariff}
              live={live}
              offers={offers}
              current={
                live &&
                (live.product_id === tariff.id ||
                  tariff.plans.some((p) => p.variant_id === live.variant_id))
                  ? live
                  : null
              }
            />
          </li>
        ))}
      </ul>
    </section>
  )
}
