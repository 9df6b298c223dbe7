import { readFileSync } from 'node:fs'
import { parse } from 'yaml'
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js'
import ajvFormats from 'ajv-formats'
import app from '@adonisjs/core/services/app'
import type { ApiResponse } from '@japa/api-client'

/**
 * docs/openapi.yaml, checked against real responses so the document cannot
 * drift from the code: every API test passes its responses through
 * `assertMatchesApiDoc`.
 */

type ResponseObject = { $ref?: string; content?: Record<string, { schema?: object }> }
type Operation = { operationId?: string; responses?: Record<string, ResponseObject> }
type OpenApiDocument = {
  paths: Record<string, Record<string, Operation>>
  components: { schemas: Record<string, object> }
}

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']

const DOC_ID = 'openapi.yaml'
const doc = parse(readFileSync(app.makePath('docs/openapi.yaml'), 'utf8')) as OpenApiDocument

// Strict mode catches misspelled keywords and OpenAPI 3.0 leftovers such as `nullable`.
// OpenAPI's own top-level and annotation keywords are declared so that it accepts them.
const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true })
ajv.addVocabulary([
  'openapi',
  'info',
  'jsonSchemaDialect',
  'servers',
  'security',
  'tags',
  'paths',
  'webhooks',
  'components',
  'externalDocs',
  'example',
  'discriminator',
  'xml',
])
// ajv-formats is CommonJS; its plugin is the module's default export.
ajvFormats.default(ajv)
ajv.addSchema(doc, DOC_ID)

const validators = new Map<string, ValidateFunction>()

const pointerPart = (part: string) => part.replaceAll('~', '~0').replaceAll('/', '~1')

/**
 * A validator for the schema at a JSON pointer inside the document, so that
 * `$ref: '#/components/…'` inside it resolves against the document.
 */
function validatorAt(pointer: string) {
  let validate = validators.get(pointer)
  if (!validate) {
    validate = ajv.compile({ $ref: `${DOC_ID}#${pointer}` })
    validators.set(pointer, validate)
  }
  return validate
}

/**
 * Compiles every schema under components/schemas, so a mistake in one that no
 * test response reaches yet still fails.
 */
export function compileComponentSchemas() {
  for (const name of Object.keys(doc.components.schemas)) {
    validatorAt(`/components/schemas/${pointerPart(name)}`)
  }
}

/**
 * Operations as `METHOD path`, e.g. `DELETE /api/v1/invites/{id}`.
 */
export function documentedOperations() {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.keys(item)
      .filter((key) => HTTP_METHODS.includes(key))
      .map((method) => ({ method: method.toUpperCase(), path, operation: item[method] }))
  )
}

/**
 * The documented path template a concrete URL path falls under. Templates
 * without parameters win over those with, as in the router.
 */
function templateFor(urlPath: string) {
  const candidates = Object.keys(doc.paths).filter((template) => {
    const pattern = template.replace(/\{[^/}]+\}/g, '[^/]+')
    return new RegExp(`^${pattern}$`).test(urlPath)
  })
  return candidates.sort((a, b) => a.split('{').length - b.split('{').length)[0]
}

/**
 * A pointer to the documented response for `status`, following one
 * `$ref: '#/components/responses/…'`.
 */
function responsePointer(template: string, method: string, status: number) {
  const base = `/paths/${pointerPart(template)}/${method}/responses/${status}`
  const documented = doc.paths[template][method].responses?.[status]
  if (!documented) return undefined
  if (documented.$ref) {
    const ref = documented.$ref.replace(/^#/, '')
    return { pointer: ref, response: resolvePointer(ref) as ResponseObject }
  }
  return { pointer: base, response: documented }
}

function resolvePointer(pointer: string): unknown {
  return pointer
    .split('/')
    .slice(1)
    .map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'))
    .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], doc)
}

/**
 * Fails unless docs/openapi.yaml documents this response: its method, its
 * path (matched against the documented templates), its status, and a body
 * that validates against the documented JSON schema.
 */
export function assertMatchesApiDoc(response: ApiResponse) {
  const method = response.request.config.method.toLowerCase()
  const urlPath = new URL(response.request.config.endpoint, 'http://localhost').pathname
  const status = response.status()
  const label = `${method.toUpperCase()} ${urlPath} → ${status}`

  const template = templateFor(urlPath)
  if (!template) throw new Error(`${label}: the path is not in docs/openapi.yaml`)
  if (!doc.paths[template][method]) {
    throw new Error(`${label}: ${method.toUpperCase()} ${template} is not in docs/openapi.yaml`)
  }
  const documented = responsePointer(template, method, status)
  if (!documented) {
    throw new Error(
      `${label}: status ${status} is not documented for ${method.toUpperCase()} ${template}` +
        ` (body: ${JSON.stringify(response.body())})`
    )
  }

  const json = documented.response.content?.['application/json']
  if (!json?.schema) {
    if (response.text()) throw new Error(`${label}: documented without a body, but has one`)
    return
  }
  if (!response.type()?.startsWith('application/json')) {
    throw new Error(`${label}: documented as JSON, answered ${response.type()}`)
  }
  const validate = validatorAt(`${documented.pointer}/content/application~1json/schema`)
  if (!validate(response.body())) {
    throw new Error(
      `${label}: the body does not match docs/openapi.yaml\n` +
        `${ajv.errorsText(validate.errors, { separator: '\n' })}\n` +
        `body: ${JSON.stringify(response.body(), null, 2)}`
    )
  }
}

/**
 * For answers no operation documents (an unknown path): the shared error shape.
 */
export function assertApiError(response: ApiResponse, status: number) {
  response.assertStatus(status)
  const validate = validatorAt('/components/schemas/Error')
  if (!validate(response.body())) {
    throw new Error(
      `${response.status()} is not in the API's error shape: ${ajv.errorsText(validate.errors)}\n` +
        `body: ${response.text()}`
    )
  }
}

type WebhookDoc = Record<string, { post: { requestBody: unknown } }>

/**
 * Fails unless a delivered webhook body matches the schema docs/openapi.yaml
 * gives its event type in the `webhooks` section.
 */
export function assertMatchesWebhookDoc(body: string) {
  const event: unknown = JSON.parse(body)
  const type = (event as { type: string }).type
  const webhooks = (doc as unknown as { webhooks: WebhookDoc }).webhooks
  if (!webhooks?.[type]) throw new Error(`${type} is not in docs/openapi.yaml webhooks`)
  const validate = validatorAt(
    `/webhooks/${pointerPart(type)}/post/requestBody/content/application~1json/schema`
  )
  if (!validate(event)) {
    throw new Error(
      `${type}: the body does not match docs/openapi.yaml\n` +
        `${ajv.errorsText(validate.errors, { separator: '\n' })}\nbody: ${body}`
    )
  }
}
