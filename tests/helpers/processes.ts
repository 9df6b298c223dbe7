import { spawn } from 'node:child_process'
import { createServer } from 'node:net'
import { stripVTControlCharacters } from 'node:util'
import app from '@adonisjs/core/services/app'

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
