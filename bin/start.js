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
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit', env: process.env })
  if (result.status !== 0) {
    console.error(`Porchlight could not start: ${label} failed.`)
    process.exit(result.status ?? 1)
  }
}

if (!existsSync(`${root}/public/assets/.vite/manifest.json`)) {
  console.log('Building the front end (first start only)…')
  run('building the front end', ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'])
}

run('running database migrations', ['ace.js', 'migration:run', '--force', '--no-schema-generate'])

await import('@poppinss/ts-exec')
await import('./server.js')
