"use client"

import { useEffect } from "react"
import { useRouter } from "next/navigation"

type Props = {
  /** Seconds between two refreshes of the page's server data. */
  everySeconds: number
}

/** Refreshes the page's server data until the page stops rendering this (the backend is up). */
export default function AutoRefresh({ everySeconds }: Props) {
  const router = useRouter()
  useEffect(() => {
    const timer = setInterval(() => router.refresh(), everySeconds * 1000)
    return () => clearInterval(timer)
  }, [router, everySeconds])
  return null
}
