import { test } from '@japa/runner'
import { readdir, readFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { IntlMessageFormat } from 'intl-messageformat'

const root = fileURLToPath(new URL('../../../', import.meta.url))
const langDir = join(root, 'resources/lang')
const locales = ['en', 'es']

function flatten(prefix: string, value: unknown, into = new Map<string, string>()) {
  if (typeof value === 'string') return into.set(prefix, value)
  for (const [key, nested] of Object.entries(value as Record<string, unknown>)) {
    flatten(`${prefix}.${key}`, nested, into)
  }
  return into
}

async function catalogue(locale: string) {
  const messages = new Map<string, string>()
  for (const file of await readdir(join(langDir, locale))) {
    const namespace = file.replace(/\.json$/, '')
    const content = JSON.parse(await readFile(join(langDir, locale, file), 'utf8'))
    for (const [key, message] of flatten(namespace, content)) messages.set(key, message)
  }
  return messages
}

/** The argument names a message uses: `{count, plural, …}` and `{name}` alike. */
function argumentsOf(message: string, locale: string) {
  const names = new Set<string>()
  const walk = (elements: any[]) => {
    for (const element of elements) {
      if (element.value && typeof element.value === 'string' && element.type !== 0) {
        names.add(element.value)
      }
      for (const option of Object.values(element.options ?? {}) as any[]) walk(option.value)
      if (Array.isArray(element.children)) walk(element.children)
    }
  }
  walk(new IntlMessageFormat(message, locale).getAst() as any[])
  return [...names].sort()
}

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(join(root, dir), { withFileTypes: true, recursive: true })
  return entries
    .filter((entry) => entry.isFile() && /\.(ts|vue|edge)$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
}

test.group('Message catalogues', () => {
  test('every key exists in every language, with the same arguments', async ({ assert }) => {
    const [english, ...others] = await Promise.all(locales.map(catalogue))
    assert.isAbove(english.size, 0)
    for (const [index, other] of others.entries()) {
      const locale = locales[index + 1]
      const missing = [...english.keys()].filter((key) => !other.has(key))
      const extra = [...other.keys()].filter((key) => !english.has(key))
      assert.deepEqual(missing, [], `keys missing in "${locale}"`)
      assert.deepEqual(extra, [], `keys only in "${locale}"`)
      for (const [key, message] of english) {
        assert.deepEqual(
          argumentsOf(other.get(key)!, locale),
          argumentsOf(message, 'en'),
          `arguments of "${key}" in "${locale}"`
        )
      }
    }
  })

  test('every key the code asks for is in the catalogue', async ({ assert }) => {
    const english = await catalogue('en')
    const perDirectory = await Promise.all(
      ['inertia', 'app', 'resources/views'].map((dir) => sourceFiles(dir))
    )
    const files = perDirectory.flat()
    const unknown: string[] = []
    for (const file of files) {
      const source = await readFile(file, 'utf8')
      for (const match of source.matchAll(/\bt\(\s*'([a-zA-Z][\w]*(?:\.[\w]+)+)'/g)) {
        if (!english.has(match[1])) unknown.push(`${relative(root, file)}: ${match[1]}`)
      }
    }
    assert.deepEqual(unknown, [])
  })
})
