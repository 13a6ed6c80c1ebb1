import { customerOnly } from "../customer-auth"

const CONFIG = { projectConfig: { http: { jwtSecret: "test-secret" } } }

function request(authContext?: Record<string, unknown>, authorization?: string) {
  return {
    auth_context: authContext,
    headers: authorization ? { authorization } : {},
    session: {},
    scope: {
      resolve: (name: string) => (name === "configModule" ? CONFIG : { debug() {}, warn() {}, error() {}, info() {} }),
    },
  } as any
}

function response() {
  const res: any = { statusCode: 200, body: undefined }
  res.status = (code: number) => {
    res.statusCode = code
    return res
  }
  res.json = (body: unknown) => {
    res.body = body
    return res
  }
  return res
}

describe("customerOnly", () => {
  it("lets through a request Medusa's store middleware already authenticated as a customer", async () => {
    const next = jest.fn()
    const res = response()
    await customerOnly(request({ actor_type: "customer", actor_id: "cus_1", auth_identity_id: "authid_1" }), res, next)
    expect(next).toHaveBeenCalledTimes(1)
    expect(res.statusCode).toBe(200)
  })

  it.each([
    ["no auth context", undefined],
    ["a registration without a customer", { actor_type: "customer", actor_id: "", auth_identity_id: "authid_1" }],
    ["an admin user", { actor_type: "user", actor_id: "user_1", auth_identity_id: "authid_2" }],
  ])("answers 401 for %s without a valid token", async (_, context) => {
    const next = jest.fn()
    const res = response()
    await customerOnly(request(context, "Bearer not-a-token"), res, next)
    expect(next).not.toHaveBeenCalled()
    expect(res.statusCode).toBe(401)
  })
})
