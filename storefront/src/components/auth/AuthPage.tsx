import type { Metadata } from "next"
import type { Locale } from "next-intl"
import { getTranslations, setRequestLocale } from "next-intl/server"
import AuthCard from "@/components/auth/AuthCard"
import RegisterForm from "@/components/auth/RegisterForm"
import SignInForm from "@/components/auth/SignInForm"
import { Link, redirect } from "@/i18n/navigation"
import { getAuthToken } from "@/lib/data/cookies"
import { retrieveCustomer } from "@/lib/data/customer"
import { safeReturnPath } from "@/lib/util/return-path"

export type AuthPageProps = {
  params: Promise<{ locale: string }>
  searchParams: Promise<{ next?: string | string[] }>
}

type Kind = "signIn" | "register"

// What differs between the two pages: texts, the form, and where the footer link goes.
const PAGES = {
  signIn: { prefix: "signIn", footer: "noAccount", other: "/register", Form: SignInForm },
  register: { prefix: "register", footer: "haveAccount", other: "/sign-in", Form: RegisterForm },
} as const

export async function authPageMetadata(kind: Kind, { params }: AuthPageProps): Promise<Metadata> {
  const { locale } = await params
  const t = await getTranslations({ locale: locale as Locale, namespace: "Auth" })
  return { title: t(`${PAGES[kind].prefix}MetaTitle`) }
}

export async function AuthPage({ kind, params, searchParams }: AuthPageProps & { kind: Kind }) {
  const { locale: rawLocale } = await params
  const locale = rawLocale as Locale
  setRequestLocale(locale)
  const next = safeReturnPath((await searchParams).next)
  const page = PAGES[kind]

  // Already signed in: straight on. A token the backend no longer accepts (it ended, the
  // backend's secret changed) shows the form, whose sign-in replaces it.
  const token = await getAuthToken()
  if (token && (await retrieveCustomer(token, locale)).status === "ok") {
    redirect({ href: next ?? "/account", locale })
  }

  const t = await getTranslations("Auth")
  return (
    <AuthCard
      title={t(`${page.prefix}Title`)}
      lead={t(`${page.prefix}Lead`)}
      notice={next ? t(`${page.prefix}Required`) : undefined}
      footer={t.rich(page.footer, {
        link: (chunks) => (
          <Link href={next ? { pathname: page.other, query: { next } } : page.other}>
            {chunks}
          </Link>
        ),
      })}
    >
      <page.Form next={next} />
    </AuthCard>
  )
}
