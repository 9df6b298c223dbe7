/*
| Contact import throughput on SQLite. Generates a realistic CSV of N rows
| (mixed phone formats, ~3% unusable phones, ~5% repeated phones in another
| format, custom columns, quoted cells with commas and line breaks), imports
| it through the real import worker and job, then inserts the same
| normalized contacts with the raw driver (better-sqlite3, one prepared
| statement, one transaction) into the same table as the floor to compare with.
| Prints progress to stderr and one JSON line last:
|   {"rows","seconds","rowsPerSecond","baselineRowsPerSecond","ratio","peakRssMb"}
|
|   npm run bench:import -- --rows 200000     (DATA_DIR: a fresh folder under the temp dir)
*/
import { spawnSync } from 'node:child_process'
import { createWriteStream, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { once } from 'node:events'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { getHeapSpaceStatistics } from 'node:v8'
import Database from 'better-sqlite3'

const root = fileURLToPath(new URL('../', import.meta.url))
const { values } = parseArgs({ options: { rows: { type: 'string', default: '200000' } } })
const ROWS = Number(values.rows)
if (!Number.isInteger(ROWS) || ROWS < 1) throw new Error('--rows must be a positive integer')

const log = (message: string) => process.stderr.write(`${message}\n`)
const round = (value: number, digits = 2) => Number(value.toFixed(digits))

const dataDir = mkdtempSync(join(tmpdir(), 'porchlight-bench-import-'))
Object.assign(process.env, {
  DATA_DIR: dataDir,
  DB_CONNECTION: 'sqlite',
  NODE_ENV: 'production',
  LOG_LEVEL: 'warn',
  APP_KEY: process.env.APP_KEY ?? 'bench-only-key-0123456789abcdef0123456789',
})

/* ---------------------------------------------------------------- CSV ---- */

/** A small deterministic PRNG (mulberry32), so every run reads the same file. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const AREAS = ['212', '312', '415', '503', '602', '713', '808', '907', '617', '404', '305', '206']
const ZIPS = [
  '10001',
  '60601',
  '94110',
  '97201',
  '85001',
  '77001',
  '96813',
  '99501',
  '02108',
  '30301',
]
const FIRST = ['Ana', 'Bob', 'Cara', 'José', 'Eve', 'Farid', 'Gloria', 'Hiro', 'Ines', 'Jamal']
const LAST = ['Smith', 'Lee', 'García', 'Nguyen', 'Okafor', 'Müller', 'Brown', 'Patel', 'Kim']
const LEVELS = ['Captain', 'Member', 'Lead', '']
const FORMATS = [
  (a: string, e: string, l: string) => `(${a}) ${e}-${l}`,
  (a: string, e: string, l: string) => `${a}-${e}-${l}`,
  (a: string, e: string, l: string) => `+1 ${a} ${e} ${l}`,
  (a: string, e: string, l: string) => `${a}${e}${l}`,
  (a: string, e: string, l: string) => `${a}.${e}.${l}`,
]
const UNUSABLE = ['555-01', 'n/a', '', 'call after 6', '12345']

/** The i-th distinct number: area code, exchange (no N11) and line are a bijection of i. */
function phoneParts(i: number): [string, string, string] {
  const area = AREAS[i % AREAS.length]
  const rest = Math.floor(i / AREAS.length)
  let exchange = 200 + (Math.floor(rest / 10_000) % 700)
  if (exchange % 100 === 11) exchange += 1
  return [area, String(exchange), String(rest % 10_000).padStart(4, '0')]
}

const cell = (value: string) =>
  /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value

async function generateCsv(path: string) {
  const next = random(42)
  const out = createWriteStream(path)
  const write = async (line: string) => {
    if (!out.write(line)) await once(out, 'drain')
  }
  await write('First Name,Last Name,Cell Phone,Zip Code,Email,VAN ID,Volunteer Level,Notes\r\n')
  let distinct = 0
  for (let i = 0; i < ROWS; i++) {
    const dice = next()
    const pick = <T>(list: T[]) => list[Math.floor(next() * list.length)]
    let phone: string
    if (dice < 0.03) {
      phone = pick(UNUSABLE)
    } else if (dice < 0.08 && distinct > 0) {
      phone = pick(FORMATS)(...phoneParts(Math.floor(next() * distinct)))
    } else {
      phone = pick(FORMATS)(...phoneParts(distinct++))
    }
    const first = pick(FIRST)
    const last = pick(LAST)
    const notes =
      dice > 0.97 ? 'Met at the rally, "very keen"\nCall back' : dice > 0.9 ? 'a, b' : ''
    const row = [
      first,
      last,
      phone,
      pick(ZIPS),
      `${first}.${i}@example.org`,
      `V${i}`,
      pick(LEVELS),
      notes,
    ]
    await write(row.map(cell).join(',') + '\r\n')
  }
  out.end()
  await once(out, 'finish')
}

/* ---------------------------------------------------------- the import ---- */

const mb = (bytes: number) => Math.round(bytes / 1048576)

/** RSS and the V8 heap, whose young generation V8 sizes from the machine's memory. */
function memory() {
  const usage = process.memoryUsage()
  const young = getHeapSpaceStatistics().find((space) => space.space_name === 'new_space')
  return `rss ${mb(usage.rss)} MB, heap ${mb(usage.heapUsed)}/${mb(usage.heapTotal)} MB (young generation ${mb(young?.space_size ?? 0)} MB), external ${mb(usage.external)} MB`
}

function migrate() {
  const result = spawnSync(process.execPath, ['ace', 'migration:run', '--force'], {
    cwd: root,
    env: process.env,
    encoding: 'utf8',
  })
  if (result.status !== 0) throw new Error(`migration failed:\n${result.stdout}\n${result.stderr}`)
}

async function runImport(csvPath: string) {
  await import('@poppinss/ts-exec')
  const { ignite } = await import('../bin/ignite.js')
  const app = ignite().createApp('console')
  await app.init()
  await app.boot()
  await app.start(() => {})

  const { default: Organization, DEFAULT_SETTINGS } = await import('#models/organization')
  const { default: Import } = await import('#models/import')
  const { default: importWorker } = await import('#services/importer/worker')
  const { COLUMNS: importedColumns } = await import('#services/importer/contact_writer')

  const organization = await Organization.create({
    name: 'Bench import',
    slug: `bench-import-${Date.now()}`,
    requiresApproval: false,
    settings: DEFAULT_SETTINGS,
  })
  const record = await Import.create({
    organizationId: organization.id,
    createdById: null,
    listName: 'Bench',
    status: 'queued',
    originalName: 'bench.csv',
    filePath: csvPath,
    fileSize: 0,
    defaultRegion: 'US',
    mapping: null,
  })

  log(`app booted: ${memory()}`)
  const started = performance.now()
  // BENCH_MEMORY=<ms> prints the memory every <ms> while the import runs.
  const sampler = process.env.BENCH_MEMORY
    ? setInterval(() => log(memory()), Number(process.env.BENCH_MEMORY) || 1000)
    : null
  await importWorker.wake()
  await importWorker.idle()
  if (sampler) clearInterval(sampler)
  const seconds = (performance.now() - started) / 1000
  const peakRssMb = process.resourceUsage().maxRSS / 1024
  await record.refresh()
  await app.terminate()
  return { record, seconds, peakRssMb, organizationId: organization.id, importedColumns }
}

/* ------------------------------------------------------------ baseline ---- */

/**
 * The imported contacts, read back already normalized, inserted again for a
 * second organization with one prepared statement in one transaction. The
 * columns are the importer's own (`importedColumns`, without the organization
 * bound here), so the floor writes exactly what the import wrote.
 */
function baseline(databasePath: string, organizationId: number, importedColumns: string[]) {
  const columns = importedColumns.filter((column) => column !== 'organization_id')
  const reader = new Database(databasePath, { readonly: true })
  const writer = new Database(databasePath)
  writer.pragma('journal_mode = WAL')
  writer.pragma('synchronous = NORMAL')
  const otherOrganization = writer
    .prepare(
      `INSERT INTO organizations (name, slug, requires_approval, settings, created_at, updated_at)
       VALUES ('Baseline', ?, 0, '{}', datetime('now'), datetime('now'))`
    )
    .run(`bench-baseline-${Date.now()}`).lastInsertRowid
  const rows = reader
    .prepare(`SELECT ${columns.join(', ')} FROM contacts WHERE organization_id = ?`)
    .raw()
    .iterate(organizationId)
  const insert = writer.prepare(
    `INSERT INTO contacts (organization_id, ${columns.join(', ')})
     VALUES (?, ${columns.map(() => '?').join(', ')})`
  )
  let inserted = 0
  const started = performance.now()
  writer.transaction(() => {
    for (const row of rows as Iterable<unknown[]>) {
      insert.run(otherOrganization, ...row)
      inserted++
    }
  })()
  const seconds = (performance.now() - started) / 1000
  reader.close()
  writer.close()
  return { inserted, rowsPerSecond: inserted / seconds }
}

/* ---------------------------------------------------------------- main ---- */

try {
  migrate()
  mkdirSync(join(dataDir, 'uploads'), { recursive: true })
  const csvPath = join('uploads', 'bench.csv')
  let started = performance.now()
  await generateCsv(join(dataDir, csvPath))
  log(`generated ${ROWS} rows in ${round((performance.now() - started) / 1000)} s`)

  const { record, seconds, peakRssMb, organizationId, importedColumns } = await runImport(csvPath)
  if (record.status !== 'completed')
    throw new Error(`import ${record.status}: ${record.failureReason}`)
  log(
    `import: ${round(seconds)} s; created ${record.rowsCreated}, updated ${record.rowsUpdated}, ` +
      `invalid ${record.rowsInvalid}, duplicates ${record.rowsDuplicate}, opted out ${record.rowsOptedOut}`
  )

  started = performance.now()
  const floor = baseline(join(dataDir, 'porchlight.sqlite3'), organizationId, importedColumns)
  log(`baseline: ${floor.inserted} rows in ${round((performance.now() - started) / 1000)} s`)

  const rowsPerSecond = ROWS / seconds
  console.log(
    JSON.stringify({
      rows: ROWS,
      seconds: round(seconds),
      rowsPerSecond: Math.round(rowsPerSecond),
      baselineRowsPerSecond: Math.round(floor.rowsPerSecond),
      ratio: round(rowsPerSecond / floor.rowsPerSecond, 3),
      peakRssMb: Math.round(peakRssMb),
    })
  )
} finally {
  rmSync(dataDir, { recursive: true, force: true })
}
