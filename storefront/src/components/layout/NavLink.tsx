"use client"

import type { ComponentProps } from "react"
import { Link, usePathname } from "@/i18n/navigation"

type Props = {
  href: string
  className?: string
  children: ComponentProps<typeof Link>["children"]
}

/** A header link that tells assistive technology which page is open. */
export default function NavLink({ href, className, children }: Props) {
  const pathname = usePathname()
  const current = href === "/" ? pathname === "/" : pathname.startsWith(href)

  return (
    <Link
      href={href}
      className={className}
      aria-current={current ? "page" : undefined}
    >
      {children}
    </Link>
  )
}
