import { readFileSync } from 'node:fs'
import { Ajv } from 'ajv'
import addFormatsModule from 'ajv-formats'
import { SPECS } from '#tests/plugins/prism'

// ajv-formats is CommonJS: its function is the module's default export.
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv

function loadSpec(spec: keyof typeof SPECS) {
  return JSON.parse(readFileSync(SPECS[spec], 'utf8'))
}

/** Request values arrive as strings; the schemas' integers and booleans are read from them. */
function validator() {
  const ajv = new Ajv({ strict: false, coerceTypes: true, allErrors: true })
  addFormats(ajv)
  // Twilio's own format for numbers; every number Porchlight sends to or from is E.164.
  ajv.addFormat('phone-number', /^\+[1-9]\d{1,14}$/)
  return ajv
}

/**
 * Checks a form-encoded request body against the request schema of an
 * operation in one of the providers' OpenAPI documents.
 *
 * Prism cannot judge one case: a form body's array property. OpenAPI's
 * default encoding for it (style form, explode true) is the key repeated
 * once per value, which is what Twilio documents for MediaUrl and what its
 * SDK sends, but Prism reads repeated keys as one overwritten string and
 * answers 422 (stoplightio/prism#2473). This reads the body the way the
 * OpenAPI specification says and validates it with the same schema.
 */
export function formBodyErrors(
  spec: keyof typeof SPECS,
  path: string,
  method: 'post',
  rawBody: string
): string[] {
  const document = loadSpec(spec)
  const { schema } =
    document.paths[path][method].requestBody.content['application/x-www-form-urlencoded']
  const params = new URLSearchParams(rawBody)
  const body: Record<string, string | string[]> = {}
  for (const name of new Set(params.keys())) {
    const values = params.getAll(name)
    body[name] = schema.properties?.[name]?.type === 'array' ? values : values[values.length - 1]
  }

  const validate = validator().compile({ ...schema, components: document.components })
  return validate(body)
    ? []
    : (validate.errors ?? []).map((error) => `${error.instancePath || 'body'} ${error.message}`)
}

/**
 * Checks a request's path and query parameters against an operation: the
 * path must match the template, every parameter must be one the operation
 * declares and satisfy its schema, and required ones must be there. For
 * calls whose mocked answer Prism cannot serve reliably (the spec's own
 * example for some list operations fails the spec's schema).
 */
export function parameterErrors(
  spec: keyof typeof SPECS,
  template: string,
  method: 'get',
  requestUrl: string
): string[] {
  const operation = loadSpec(spec).paths[template]?.[method]
  if (!operation) return [`the spec has no ${method.toUpperCase()} ${template}`]

  const url = new URL(requestUrl, 'http://mock.invalid')
  const names: string[] = []
  const pattern = template.replace(/\{(\w+)\}/g, (_, name) => {
    names.push(name)
    return '([^/]+)'
  })
  const match = url.pathname.match(new RegExp(`^${pattern.replaceAll('.', '\\.')}$`))
  if (!match) return [`${url.pathname} does not match ${template}`]

  const given: Record<string, Record<string, string>> = {
    path: Object.fromEntries(
      names.map((name, index) => [name, decodeURIComponent(match[index + 1])])
    ),
    query: Object.fromEntries(url.searchParams),
  }
  const declared = operation.parameters as Array<{
    name: string
    in: string
    required?: boolean
    schema: object
  }>
  const ajv = validator()
  const errors = Object.keys(given.query)
    .filter((name) => !declared.some((param) => param.in === 'query' && param.name === name))
    .map((name) => `query ${name} is not a parameter of this operation`)
  for (const param of declared.filter((candidate) => candidate.in in given)) {
    const value = given[param.in][param.name]
    if (value === undefined) {
      if (param.required) errors.push(`${param.in} ${param.name} is required`)
      continue
    }
    const validate = ajv.compile(param.schema)
    if (!validate(value)) errors.push(`${param.in} ${param.name} ${validate.errors?.[0]?.message}`)
  }
  return errors
}

/** Checks a value against one of a document's component schemas (a JSON body, a webhook's payload). */
export function schemaErrors(spec: keyof typeof SPECS, name: string, value: unknown): string[] {
  const document = loadSpec(spec)
  const validate = validator().compile({
    $ref: `#/components/schemas/${name}`,
    components: document.components,
  })
  return validate(value)
    ? []
    : (validate.errors ?? []).map((error) => `${error.instancePath || 'body'} ${error.message}`)
}
