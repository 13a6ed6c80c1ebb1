import { AuthPage, authPageMetadata, type AuthPageProps } from "@/components/auth/AuthPage"

export const generateMetadata = (props: AuthPageProps) => authPageMetadata("register", props)

export default function RegisterPage(props: AuthPageProps) {
  return <AuthPage kind="register" {...props} />
}
