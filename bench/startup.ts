/*
| How long `npm start` takes until /health answers 200, in three situations:
|   freshDataDirMs    assets up to date, empty DATA_DIR (migrations create everything)
|   restartMs         the same DATA_DIR again (nothing to migrate)
|   withAssetBuildMs  a copy of the app without public/assets, so the front end
|                     is built first; the repository's own assets are never touched
| and restartRssMb, the server's resident memory once it answers after the restart.
| Prints progress to stderr and one JSON line of figures last.
|
|   npm run bench:startup
*/
import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import { rmSync } from 'node:fs'
import { cp, mkdtemp, rm, symlink } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('../', import.meta.url))
const startTimeoutMs = 180_000

/**
 * A port nobody listens on right now, so the bench never collides with a
 * developer's server or another run.
 */
function freePort() {
  return new Promise<number>((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

async function isHealthy(port: number) {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/health`)
    return response.status === 200
  } catch {
    return false
  }
}

type Server = { child: ChildProcess; output: string[] }

/**
 * Runs `npm start` in its own process group (npm starts a shell that starts
 * node), so stopping it stops exactly the processes this bench created.
 */
function startServer(appRoot: string, dataDir: string, port: number): Server {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: `${port}`,
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
  }
  // Measure what `npm start` does by default: production mode.
  delete env.NODE_ENV
  const child = spawn('npm', ['start'], { cwd: appRoot, env, detached: true })
  const output: string[] = []
  child.stdout.on('data', (chunk) => output.push(String(chunk)))
  child.stderr.on('data', (chunk) => output.push(String(chunk)))
  return { child, output }
}

let running: Server | undefined

async function stopServer({ child }: Server) {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise((resolve) => child.once('exit', resolve))
  process.kill(-child.pid!, 'SIGTERM')
  await exited
}

/** Resident memory (MB) of the `node bin/start.js` process in the server's process group. */
function serverRssMb({ child }: Server) {
  const listing = spawnSync('ps', ['-o', 'rss=,args=', '-g', String(child.pid)], {
    encoding: 'utf8',
  }).stdout
  // npm's shell names bin/start.js too: the node process is the biggest of them.
  const sizes = listing
    .split('\n')
    .filter((line) => line.includes('bin/start.js'))
    .map((line) => Number.parseInt(line.trim(), 10))
  return Math.round(Math.max(0, ...sizes) / 1024)
}

let lastRssMb = 0

/**
 * Milliseconds from launching `npm start` to the first 200 from /health
 * (and its memory then, in `lastRssMb`).
 */
async function timeStart(label: string, appRoot: string, dataDir: string) {
  const port = await freePort()
  const startedAt = performance.now()
  const server = startServer(appRoot, dataDir, port)
  running = server
  try {
    while (!(await isHealthy(port))) {
      if (server.child.exitCode !== null) throw new Error(`the server exited early`)
      if (performance.now() - startedAt > startTimeoutMs) throw new Error(`no answer in time`)
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    const elapsed = Math.round(performance.now() - startedAt)
    lastRssMb = serverRssMb(server)
    console.error(`${label}: ${elapsed} ms, ${lastRssMb} MB`)
    return elapsed
  } catch (error) {
    process.stderr.write(server.output.join(''))
    throw new Error(`${label}: ${(error as Error).message}`)
  } finally {
    await stopServer(server)
    running = undefined
  }
}

/**
 * A copy of the app without built assets, sharing the installed node_modules.
 */
async function copyWithoutAssets(target: string) {
  const skipped = new Set(['.git', 'node_modules', 'public/assets', 'storage', 'tmp', 'build'])
  await cp(root, target, {
    recursive: true,
    filter: (source) => !skipped.has(relative(root, source)),
  })
  await symlink(join(root, 'node_modules'), join(target, 'node_modules'), 'dir')
}

const scratch = await mkdtemp(join(tmpdir(), 'porchlight-bench-startup-'))

// The servers run in their own process group, out of reach of the terminal's Ctrl-C.
process.once('SIGINT', () => {
  if (running) process.kill(-running.child.pid!, 'SIGTERM')
  rmSync(scratch, { recursive: true, force: true })
  process.exit(130)
})

try {
  // npm start builds the front end when it is missing or stale; this unmeasured
  // start lets it do so, so the first two figures exclude the build.
  await timeStart('warm-up', root, join(scratch, 'data-warm-up'))

  const dataDir = join(scratch, 'data')
  const freshDataDirMs = await timeStart('fresh DATA_DIR', root, dataDir)
  const restartMs = await timeStart('restart', root, dataDir)
  const restartRssMb = lastRssMb

  const copy = join(scratch, 'app')
  await copyWithoutAssets(copy)
  const withAssetBuildMs = await timeStart('with asset build', copy, join(scratch, 'data-copy'))

  console.log(JSON.stringify({ freshDataDirMs, restartMs, restartRssMb, withAssetBuildMs }))
} finally {
  await rm(scratch, { recursive: true, force: true })
}
