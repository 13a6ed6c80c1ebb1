import { useTranslations } from "next-intl"
import type { PlanOffer } from "@/lib/data/subscriptions"
import type { Subscription, TrialEligibility } from "@/types/purchase"
import type { StoreTariff } from "@/types/tariff"
import TariffCard from "./TariffCard"
import styles from "./TariffList.module.css"

type Props = {
  tariffs: StoreTariff[]
  /** The signed-in customer's live subscription (null when signed out or none). */
  live: Subscription | null
  /** What buying each plan would do for the signed-in customer (empty when signed out). */
  offers: Record<string, PlanOffer>
  /** Why the Trial is not the customer's to take, when the backend says. */
  trialReason: TrialEligibility["reason"]
}

export default function TariffList({ tariffs, live, offers, trialReason }: Props) {
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
              trialReason={trialReason}
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
