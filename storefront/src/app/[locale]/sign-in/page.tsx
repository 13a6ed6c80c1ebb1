import { AuthPage, authPageMetadata, type AuthPageProps } from "@/components/auth/AuthPage"

export const generateMetadata = (props: AuthPageProps) => authPageMetadata("signIn", props)

export default function SignInPage(props: AuthPageProps) {
  return <AuthPage kind="signIn" {...props} />
}
