/*
| `npm run check:docker`: builds the image from the Dockerfile, runs it as
| docs/self-hosting.md says (SQLite in a fresh volume) until Docker reports it
| healthy, then brings up docker-compose.yml (web + worker + MySQL + Redis)
| until `web` is healthy, and removes everything it made. Needs a running
| Docker engine and the base images (on a machine without Docker Hub, build
| them with docker-local-bases.sh). The running image must also serve the
| setup page with every script and stylesheet it names. Progress goes to
| stderr; the last line is
|   {"built","imageMb","healthySeconds","composeHealthy"}
| and the exit code is 0 only when all of it worked.
*/
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import { fileURLToPath } from 'node:url'
import { setTimeout as sleep } from 'node:timers/promises'

const root = fileURLToPath(new URL('../', import.meta.url))
const run = randomBytes(3).toString('hex')
const image = `porchlight-check-${run}`
const container = `porchlight-check-${run}`
const volume = `porchlight-check-${run}`
const project = `porchlightcheck${run}`
const healthyWithinSeconds = 180

function log(message: string) {
  process.stderr.write(`check:docker: ${message}\n`)
}

/** Runs a command; its output goes to stderr unless captured. Returns stdout when captured. */
function sh(command: string, args: string[], options: { capture?: boolean; env?: object } = {}) {
  const result = spawnSync(command, args, {
    cwd: root,
    env: { ...process.env, ...options.env },
    encoding: 'utf8',
    stdio: ['ignore', options.capture ? 'pipe' : process.stderr, process.stderr],
  })
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} exited ${result.status ?? result.signal}`)
  }
  return (result.stdout ?? '').trim()
}

/** `docker compose` (the plugin) when present, else Debian's `docker-compose`. */
function composeCommand(): string[] {
  const plugin = spawnSync('docker', ['compose', 'version'], { stdio: 'ignore' })
  return plugin.status === 0 ? ['docker', 'compose'] : ['docker-compose']
}

async function waitHealthy(describe: () => string, label: string) {
  const started = performance.now()
  for (;;) {
    const status = describe()
    if (status === 'healthy') return (performance.now() - started) / 1000
    if (status === 'unhealthy' || (performance.now() - started) / 1000 > healthyWithinSeconds) {
      throw new Error(`${label} is ${status || 'not running'}`)
    }
    await sleep(500)
  }
}

/**
 * The first page a new user opens, and every script and stylesheet it names,
 * answer from the container: a build whose bundle is missing or mismatched
 * passes the health check while every page stays blank.
 */
async function assertPageLoads(name: string) {
  const address = sh(
    'docker',
    ['inspect', '-f', '{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}', name],
    { capture: true }
  )
  const origin = `http://${address}:3333`
  const page = await fetch(`${origin}/setup`)
  const html = await page.text()
  const assets = [...new Set(html.match(/(?<=(?:src|href)=")\/assets\/[^"]+/g) ?? [])]
  if (page.status !== 200 || !assets.some((path) => path.endsWith('.js'))) {
    throw new Error(`/setup answered ${page.status} naming no script of the bundle`)
  }
  for (const path of assets) {
    const asset = await fetch(`${origin}${path}`)
    const body = await asset.arrayBuffer()
    const size = body.byteLength
    if (asset.status !== 200 || size === 0) {
      throw new Error(`${path}, named by /setup, answered ${asset.status} (${size} bytes)`)
    }
  }
  log(`/setup and the ${assets.length} scripts and stylesheets it names load`)
}

const figures = { built: false, imageMb: 0, healthySeconds: 0, composeHealthy: false }
let failure: Error | undefined
const work = mkdtempSync(join(tmpdir(), 'porchlight-check-docker-'))
const envFile = join(work, 'compose.env')
const compose = composeCommand()
const composeArgs = ['--env-file', envFile, '-p', project]

try {
  sh('docker', ['info', '--format', '{{.ServerVersion}}'], { capture: true })

  log(`building ${image}`)
  sh('docker', ['build', '-t', image, '.'], { env: { DOCKER_BUILDKIT: '0' } })
  figures.built = true
  const bytes = Number(
    sh('docker', ['image', 'inspect', '-f', '{{.Size}}', image], { capture: true })
  )
  figures.imageMb = Math.round(bytes / 1e6)

  log('running the image on a fresh volume, as docs/self-hosting.md says')
  sh(
    'docker',
    [
      'run',
      '-d',
      '--name',
      container,
      '--init',
      '-v',
      `${volume}:/data`,
      '-e',
      'APP_URL=https://texting.example.org',
      '-e',
      'TRUST_PROXY=true',
      image,
    ],
    { capture: true }
  )
  const inspect = (name: string) => () =>
    spawnSync('docker', ['inspect', '-f', '{{.State.Health.Status}}', name], {
      encoding: 'utf8',
    }).stdout?.trim() ?? ''
  figures.healthySeconds =
    Math.round((await waitHealthy(inspect(container), 'the container')) * 10) / 10
  await assertPageLoads(container)
  sh('docker', [
    'exec',
    container,
    'node',
    'ace',
    'users:create-owner',
    '--email',
    'check@example.org',
    '--password',
    'a long password 123',
    '--org',
    'Check',
  ])
  sh('docker', ['stop', container], { capture: true })

  log(`docker-compose.yml with ${compose.join(' ')} (web + worker + MySQL + Redis)`)
  // The image just built stands for the file's own; a `porchlight` image already here is left alone.
  writeFileSync(
    envFile,
    [
      'APP_URL=https://texting.example.org',
      `DB_PASSWORD=${randomBytes(24).toString('hex')}`,
      `PORCHLIGHT_IMAGE=${image}`,
      '',
    ].join('\n')
  )
  sh(compose[0], [...compose.slice(1), ...composeArgs, 'up', '-d', '--no-build'])
  const web = sh(compose[0], [...compose.slice(1), ...composeArgs, 'ps', '-q', 'web'], {
    capture: true,
  })
  await waitHealthy(inspect(web), 'compose web')
  const worker = sh(compose[0], [...compose.slice(1), ...composeArgs, 'ps', '-q', 'worker'], {
    capture: true,
  })
  const workerState = spawnSync('docker', ['inspect', '-f', '{{.State.Status}}', worker], {
    encoding: 'utf8',
  })
  if (workerState.stdout.trim() !== 'running') throw new Error('the compose worker is not running')
  figures.composeHealthy = true
} catch (error) {
  failure = error as Error
  log(`FAILED: ${failure.message}`)
} finally {
  spawnSync(compose[0], [...compose.slice(1), ...composeArgs, 'down', '-v'], {
    cwd: root,
    stdio: 'ignore',
  })
  spawnSync('docker', ['rm', '-f', container], { stdio: 'ignore' })
  spawnSync('docker', ['volume', 'rm', volume], { stdio: 'ignore' })
  spawnSync('docker', ['rmi', image], { stdio: 'ignore' })
  rmSync(work, { recursive: true, force: true })
}

console.log(JSON.stringify(figures))
process.exitCode = failure ? 1 : 0
