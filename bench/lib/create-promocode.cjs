// `medusa exec` script: creates one promo code through the promocode module
// (BENCH_PROMOCODE holds its JSON definition). The purchase benchmark uses it
// only while POST /admin/promocodes is not available.
exports.default = async function createPromocode({ container }) {
  const definition = JSON.parse(process.env.BENCH_PROMOCODE)
  const promocodes = container.resolve("promocode")
  const existing = await promocodes.listPromocodes({ code: definition.code }, { select: ["id"] })
  if (!existing.length) {
    await promocodes.createPromocodes([definition])
  }
}
