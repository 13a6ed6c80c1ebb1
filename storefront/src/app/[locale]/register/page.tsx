import type { Metadata } from "next"
import type { Locale } from "next-intl"
import { getTranslations, setRequestLocale } from "next-intl/server"
import AuthCard from "@/components/auth/AuthCard"
import RegisterForm from "@/components/auth/RegisterForm"
import { Link, redirect } from "@/i18n/navigation"
import { getAuthToken } from "@/lib/data/cookies"
import { retrieveCustomer } from "@/lib/data/customer"
import { safeReturnPath } from "@/lib/util/return-path"

type Props = {
  params: Promise<{ locale: string }>
  searchParams: Promise<{ next?: string | string[] }>
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params
  const t = await getTranslations({ locale: locale as Locale, namespace: "Auth" })
  return { title: t("registerMetaTitle") }
}

export default async function RegisterPage({ params, searchParams }: Props) {
  const { locale: rawLocale } = await params
  const locale = rawLocale as Locale
  setRequestLocale(locale)
  const next = safeReturnPath((await searchParams).next)

  // Already signed in: straight on. A token the backend no longer accepts (it ended, the
  // backend's secret changed) shows the form, whose sign-in replaces it.
  const token = await getAuthToken()
  if (token && (await retrieveCustomer(token, locale)).status === "ok") {
    redirect({ href: next ?? "/account", locale })
  }

  const t = await getTranslations("Auth")
  return (
    <AuthCard
      title={t("registerTitle")}
      lead={t("registerLead")}
      notice={next ? t("registerRequired") : undefined}
      footer={t.rich("haveAccount", {
        link: (chunks) => (
          <Link href={next ? { pathname: "/sign-in", query: { next } } : "/sign-in"}>
            {chunks}
          </Link>
        ),
      })}
    >
      <RegisterForm next={next} />
    </AuthCard>
  )
}
