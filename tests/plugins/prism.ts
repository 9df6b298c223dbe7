import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import app from '@adonisjs/core/services/app'

/**
 * The providers' official OpenAPI documents, kept beside the repository.
 */
export const SPECS = {
  twilio: fileURLToPath(new URL('../shared/specs/twilio_messaging.json', app.appRoot)),
  telnyx: fileURLToPath(new URL('../shared/specs/telnyx_messaging.json', app.appRoot)),
  /** The A2P 10DLC operations of Twilio's Messaging v1 document (tests/fixtures/twilio_a2p). */
  twilioA2p: fileURLToPath(
    new URL('tests/fixtures/twilio_a2p/twilio_messaging_v1_a2p.json', app.appRoot)
  ),
  /**
   * The 10DLC operations and campaign status webhook of Telnyx's OpenAPI
   * document. Telnyx publishes it under no licence, so it is kept beside the
   * repository like the messaging one; TELNYX_10DLC_SPEC points elsewhere.
   */
  telnyx10dlc:
    process.env.TELNYX_10DLC_SPEC ||
    fileURLToPath(new URL('../shared/specs/telnyx_10dlc.json', app.appRoot)),
}

/**
 * Loopback ports for these mocks (and the request recorder), from
 * TEST_PORT_BASE (default 4100), so two test runs at once on one machine keep apart.
 */
const base = Number(process.env.TEST_PORT_BASE ?? 4100)

export const PRISM_PORTS = {
  twilio: base + 5,
  telnyx: base + 6,
  twilioDynamic: base + 7,
  capture: base + 8,
  twilioA2p: base + 31,
  telnyx10dlc: base + 32,
}

export interface PrismMock {
  url: string
  stop(): Promise<void>
}

const prismBin = createRequire(import.meta.url).resolve('@stoplight/prism-cli/dist/index.js')

/**
 * Serves an official spec with Prism on loopback. With `--errors`, any
 * request the spec does not allow is answered 422 (Twilio: 401 without Basic
 * auth) instead of an example, which is what makes it a contract test.
 * Static mode answers the spec's example; dynamic mode invents responses.
 */
export async function startPrism(
  spec: keyof typeof SPECS,
  port: number,
  options: { dynamic?: boolean } = {}
): Promise<PrismMock> {
  if (!existsSync(SPECS[spec])) {
    throw new Error(`The ${spec} OpenAPI document is missing: ${SPECS[spec]}`)
  }
  const args = ['mock', '--errors', '-h', '127.0.0.1', '-p', String(port)]
  if (options.dynamic) args.push('-d')
  const child = spawn(process.execPath, [prismBin, ...args, SPECS[spec]], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  // Never outlive the test run, even one that ends without reaching the group's cleanup.
  const killOnExit = () => child.kill('SIGKILL')
  process.once('exit', killOnExit)

  let output = ''
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Prism did not start:\n${output}`)), 60_000)
    const listen = (chunk: Buffer) => {
      output += chunk.toString()
      if (output.includes('Prism is listening')) {
        clearTimeout(timer)
        resolve()
      }
    }
    child.stdout.on('data', listen)
    child.stderr.on('data', listen)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`Prism exited with ${code} before listening:\n${output}`))
    })
  })
  // Keep draining its log so the pipe never fills up and blocks it.
  child.stdout.removeAllListeners('data').resume()
  child.stderr.removeAllListeners('data').resume()
  child.removeAllListeners('exit')

  return {
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise((resolve) => {
        process.off('exit', killOnExit)
        if (child.exitCode !== null) return resolve()
        child.once('exit', () => resolve())
        child.kill('SIGTERM')
      }),
  }
}
