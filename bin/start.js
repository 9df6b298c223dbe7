/*
| `npm start`: a working instance from a fresh clone, with nothing configured.
| Builds the front end when it is missing, runs pending migrations (which
| also creates DATA_DIR, the SQLite file and the app key), then serves in
| production mode.
*/
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('../', import.meta.url))
process.env.NODE_ENV ||= 'production'
process.env.HOST ||= 'localhost'

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

if (!existsSync(`${root}/public/assets/.vite/manifest.json`)) {
  if (!canBuildFrontEnd()) {
    console.error(
      'Porchlight could not start: the front end is not built (public/assets is missing) and the ' +
        'tools to build it are not installed. Run `npm ci` (with development dependencies), then start again.'
    )
    process.exit(1)
  }
  console.log('Building the front end (first start only)…')
  run('building the front end', ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'])
}

run('running database migrations', ['ace.js', 'migration:run', '--force', '--no-schema-generate'])

await import('@poppinss/ts-exec')
await import('./server.js')
