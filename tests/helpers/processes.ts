import { spawn } from 'node:child_process'
import { createServer } from 'node:net'
import { stripVTControlCharacters } from 'node:util'
import app from '@adonisjs/core/services/app'
import appEnv from '#start/env'
import { storagePath } from '#config/app'

/**
 * A port nothing listens on (the OS hands out a free one and it is released).
 */
export function unusedPort() {
  return new Promise<number>((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
    server.on('error', reject)
  })
}

/**
 * This checkout's HTTP server (bin/server.ts) in a process of its own on
 * `port`, quiet, with `extraEnv` over this run's environment. `ownGroup`
 * makes it the leader of a process group, to be signalled as a whole.
 */
export function serverProcess(
  port: number,
  extraEnv: NodeJS.ProcessEnv = {},
  { ownGroup = false } = {}
) {
  return spawn(process.execPath, ['--import', '@poppinss/ts-exec', 'bin/server.ts'], {
    cwd: app.appRoot,
    stdio: 'ignore',
    detached: ownGroup,
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'silent',
      ...extraEnv,
    },
  })
}

/** For `serverProcess`: production mode on this test run's database, data directory and key. */
export function productionOnTestDatabase() {
  return {
    NODE_ENV: 'production',
    APP_KEY: appEnv.get('APP_KEY').release(),
    DATA_DIR: storagePath,
  }
}

/** Whether anything answers `url` (a refused connection is false). */
async function answers(url: string) {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2000) })
    await response.body?.cancel()
    return true
  } catch {
    return false
  }
}

/** Asks `url` every 100 ms until it answers (or, `wanted` false, stops answering), for at most `seconds`. */
export async function untilAnswering(url: string, wanted: boolean, seconds: number) {
  const deadline = Date.now() + seconds * 1000
  while ((await answers(url)) !== wanted) {
    if (Date.now() > deadline) throw new Error(`${url} still ${wanted ? 'silent' : 'answering'}`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

/** A production instance's environment, its data in `dataDir`. */
export function productionEnv(dataDir: string, extra: Record<string, string> = {}) {
  return {
    ...process.env,
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    DB_CONNECTION: 'sqlite',
    LOG_LEVEL: 'warn',
    ...extra,
  }
}

/**
 * Runs `node ace <args>` in a process of its own, as an operator would;
 * resolves with its exit code and output lines.
 */
export function runAce(args: string[], env: NodeJS.ProcessEnv) {
  return new Promise<{ exitCode: number | null; lines: string[]; lastLine?: string }>(
    (resolve, reject) => {
      const child = spawn(process.execPath, ['ace.js', ...args], { cwd: app.appRoot, env })
      let output = ''
      child.stdout.on('data', (chunk) => (output += chunk))
      child.stderr.on('data', (chunk) => (output += chunk))
      child.on('error', reject)
      child.on('close', (exitCode) => {
        // Without colours, so lines compare as plain text.
        const lines = stripVTControlCharacters(output)
          .split('\n')
          .filter((line) => line.trim())
        resolve({ exitCode, lines, lastLine: lines.at(-1) })
      })
    }
  )
}

/** Like `runAce`, for a step that must succeed: a failure throws with the output. */
export async function runAceOk(args: string[], env: NodeJS.ProcessEnv) {
  const result = await runAce(args, env)
  if (result.exitCode !== 0) {
    throw new Error(`node ace ${args[0]} exited ${result.exitCode}:\n${result.lines.join('\n')}`)
  }
  return result
}
