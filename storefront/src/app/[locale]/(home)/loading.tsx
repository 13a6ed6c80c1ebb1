import HomeHero from "@/components/tariffs/HomeHero"
import TariffListSkeleton from "@/components/tariffs/TariffListSkeleton"

export default function Loading() {
  return (
    <>
      <HomeHero />
      <TariffListSkeleton />
    </>
  )
}
