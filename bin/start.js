/*
| `npm start`: a working instance from a fresh clone, with nothing configured.
| Serves the compiled app in build/ (`node ace build`: JavaScript and the
| built front end, so no TypeScript is compiled at boot). Builds it when it is
| missing or older than its sources (say, after a `git pull`), runs pending
| migrations (which also creates DATA_DIR, the SQLite file and the app key),
| then serves in production mode.
*/
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { parseEnv } from 'node:util'

const root = fileURLToPath(new URL('../', import.meta.url))
const buildDir = join(root, 'build')
/** Written once a build succeeds; its time is the build's. */
const buildStamp = join(buildDir, '.built')

// The compiled app takes build/ as its root, so this checkout's .env and its
// relative DATA_DIR are handed to it here (a value set in the environment wins).
const dotEnvFile = join(root, '.env')
const dotEnv = existsSync(dotEnvFile) ? parseEnv(readFileSync(dotEnvFile, 'utf8')) : {}
for (const [name, value] of Object.entries(dotEnv)) process.env[name] ??= value
process.env.NODE_ENV ||= 'production'
process.env.HOST ||= 'localhost'
process.env.DATA_DIR = resolve(root, process.env.DATA_DIR || './storage')

/** What the build reads; a change to any of them makes build/ stale. */
const sources = [
  'app',
  'bin',
  'commands',
  'config',
  'database',
  'data',
  'inertia',
  'plugins',
  'providers',
  'resources',
  'start',
  '.adonisjs',
  'adonisrc.ts',
  'package-lock.json',
  'tsconfig.json',
  'vite.config.ts',
]

function run(label, args, cwd = root) {
  const result = spawnSync(process.execPath, args, { cwd, stdio: 'inherit', env: process.env })
  if (result.status !== 0) {
    console.error(`Porchlight could not start: ${label} failed.`)
    process.exit(result.status ?? 1)
  }
}

/**
 * The newest modification time in a file or folder tree (0 when absent). A
 * folder's own time counts too, so deleting a file is a change.
 */
function newestChange(path) {
  const stats = statSync(path, { throwIfNoEntry: false })
  if (!stats?.isDirectory()) return stats?.mtimeMs ?? 0
  const entries = readdirSync(path).map((entry) => newestChange(join(path, entry)))
  return Math.max(stats.mtimeMs, ...entries)
}

function buildState() {
  const built = statSync(buildStamp, { throwIfNoEntry: false })
  if (!built) return 'missing'
  const newestSource = Math.max(...sources.map((path) => newestChange(join(root, path))))
  return newestSource > built.mtimeMs ? 'stale' : 'current'
}

/**
 * The build's tools are development dependencies: an install made with
 * `--omit=dev` (like the container image's) can serve a build but not make one.
 */
function canBuild() {
  try {
    import.meta.resolve('@adonisjs/assembler')
    import.meta.resolve('@vitejs/plugin-vue')
    return true
  } catch {
    return false
  }
}

const state = buildState()
if (state !== 'current' && canBuild()) {
  console.log(
    state === 'missing'
      ? 'Building Porchlight (first start only, about a minute)…'
      : 'Rebuilding Porchlight (its sources changed)…'
  )
  // Type errors are the developers' business: the JavaScript is emitted either way.
  run('building the app', ['ace.js', 'build', '--ignore-ts-errors'])
  writeFileSync(buildStamp, `${new Date().toISOString()}\n`)
} else if (state === 'missing') {
  console.error(
    'Porchlight could not start: it is not built (build/ is missing) and the tools to build it ' +
      'are not installed. Run `npm ci` (with development dependencies), then start again.'
  )
  process.exit(1)
} else if (state === 'stale') {
  console.warn(
    'The sources are newer than build/, but the tools to rebuild it are not installed: ' +
      'serving the existing build.'
  )
}

// What the instance writes from here on (the SQLite file, the app key,
// uploads, exports) is readable by its own user only.
process.umask(0o077)

run(
  'running database migrations',
  ['ace.js', 'migration:run', '--force', '--no-schema-generate'],
  buildDir
)

// The build is the app's root: paths in its config (the Vite manifest, …) start there.
process.chdir(buildDir)
await import(pathToFileURL(join(buildDir, 'bin/server.js')).href)
