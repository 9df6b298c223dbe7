import { readFileSync } from 'node:fs'
import { Ajv } from 'ajv'
import addFormatsModule from 'ajv-formats'
import { SPECS } from '#tests/plugins/prism'

// ajv-formats is CommonJS: its function is the module's default export.
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv

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
  const document = JSON.parse(readFileSync(SPECS[spec], 'utf8'))
  const { schema } =
    document.paths[path][method].requestBody.content['application/x-www-form-urlencoded']
  const params = new URLSearchParams(rawBody)
  const body: Record<string, string | string[]> = {}
  for (const name of new Set(params.keys())) {
    const values = params.getAll(name)
    body[name] = schema.properties?.[name]?.type === 'array' ? values : values[values.length - 1]
  }

  // Form values are strings; the schema's integers and booleans are read from them.
  const ajv = new Ajv({ strict: false, coerceTypes: true, allErrors: true })
  addFormats(ajv)
  // Twilio's own format for numbers; every number Porchlight sends to or from is E.164.
  ajv.addFormat('phone-number', /^\+[1-9]\d{1,14}$/)
  const validate = ajv.compile({ ...schema, components: document.components })
  return validate(body)
    ? []
    : (validate.errors ?? []).map((error) => `${error.instancePath || 'body'} ${error.message}`)
}
