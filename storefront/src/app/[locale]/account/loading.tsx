import PageLoading from "@/components/common/PageLoading"

export default function Loading() {
  return <PageLoading />
}
