/** The signed-in shopper, as `GET /store/customers/me` returns it (the fields the storefront reads). */
export type StoreCustomer = {
  id: string
  email: string
  first_name: string | null
  last_name: string | null
}
