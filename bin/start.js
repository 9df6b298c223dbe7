/*
| `npm start`: a working instance from a fresh clone, with nothing configured.
| Builds the front end when it is missing or older than its sources (say,
| after a `git pull`), runs pending migrations (which also creates DATA_DIR,
| the SQLite file and the app key), then serves in production mode.
*/
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseEnv } from 'node:util'

const root = fileURLToPath(new URL('../', import.meta.url))

// The app reads .env only later, when it boots; a value set there must still win over these defaults.
const dotEnvFile = join(root, '.env')
const dotEnv = existsSync(dotEnvFile) ? parseEnv(readFileSync(dotEnvFile, 'utf8')) : {}
process.env.NODE_ENV ||= dotEnv.NODE_ENV || 'production'
process.env.HOST ||= dotEnv.HOST || 'localhost'

const manifest = join(root, 'public/assets/.vite/manifest.json')
// What the front-end build reads; a change to any of them makes the built assets stale.
const frontEndSources = ['inertia', '.adonisjs/client', 'vite.config.ts', 'package-lock.json']

function run(label, args) {
  const result = spawnSync(process.execPath, args, {
    cwd: root,
    stdio: 'inherit',
    env: process.env,
  })
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

function frontEndState() {
  const built = statSync(manifest, { throwIfNoEntry: false })
  if (!built) return 'missing'
  const newestSource = Math.max(...frontEndSources.map((path) => newestChange(join(root, path))))
  return newestSource > built.mtimeMs ? 'stale' : 'current'
}

/**
 * The build's plugins are development dependencies: an install made with
 * `--omit=dev` (like the container image's) can serve built assets but not build them.
 */
function canBuildFrontEnd() {
  try {
    import.meta.resolve('@vitejs/plugin-vue')
    return true
  } catch {
    return false
  }
}

const frontEnd = frontEndState()
if (frontEnd !== 'current' && canBuildFrontEnd()) {
  console.log(
    frontEnd === 'missing'
      ? 'Building the front end (first start only)…'
      : 'Rebuilding the front end (its sources changed)…'
  )
  run('building the front end', ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'])
} else if (frontEnd === 'missing') {
  console.error(
    'Porchlight could not start: the front end is not built (public/assets is missing) and the ' +
      'tools to build it are not installed. Run `npm ci` (with development dependencies), then start again.'
  )
  process.exit(1)
} else if (frontEnd === 'stale') {
  console.warn(
    'The front end’s sources are newer than public/assets, but the tools to rebuild it are not ' +
      'installed: serving the existing build.'
  )
}

// What the instance writes from here on (the SQLite file, the app key,
// uploads, exports) is readable by its own user only.
process.umask(0o077)

run('running database migrations', ['ace.js', 'migration:run', '--force', '--no-schema-generate'])

await import('@poppinss/ts-exec')
await import('./server.js')
