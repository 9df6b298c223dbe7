import http from 'node:http'
import https from 'node:https'
import type { LookupFunction } from 'node:net'
import webhooksConfig from '#config/webhooks'
import { hostOf, resolveTarget } from '#services/outbound_webhooks/targets'

export type PostOutcome = {
  /** The HTTP status, or null when no answer came (refused target, network error, timeout). */
  status: number | null
  /** The first `responseBytes` of the answer, or why there was none. */
  body: string
  durationMs: number
}

/**
 * Resolves the host at connection time and refuses private targets then,
 * so a name that changed its address after the endpoint was saved (DNS
 * rebinding) is still stopped.
 */
const guardedLookup: LookupFunction = (hostname, options, callback) => {
  resolveTarget(hostname).then(
    (addresses) => {
      if (options.all) return callback(null, addresses)
      const family = options.family === 6 ? 6 : options.family === 4 ? 4 : 0
      const chosen = addresses.find((entry) => !family || entry.family === family) ?? addresses[0]
      callback(null, chosen.address, chosen.family)
    },
    (error) => callback(error, '', 0)
  )
}

/**
 * POSTs one JSON body. Redirects are not followed (a 3xx is an answer like
 * any other), the whole exchange gets `timeoutMs`, and only the start of
 * the answer is kept.
 */
export async function postJson(
  target: string,
  headers: Record<string, string>,
  body: string
): Promise<PostOutcome> {
  const started = performance.now()
  const finish = (status: number | null, text: string) => ({
    status,
    body: text,
    durationMs: Math.round(performance.now() - started),
  })
  try {
    const url = new URL(target)
    // An address literal skips the lookup: check it here.
    await resolveTarget(hostOf(url))
    const transport = url.protocol === 'https:' ? https : http
    return await new Promise<PostOutcome>((resolve) => {
      const request = transport.request(
        url,
        {
          method: 'POST',
          lookup: guardedLookup,
          timeout: webhooksConfig.timeoutMs,
          signal: AbortSignal.timeout(webhooksConfig.timeoutMs),
          headers: {
            ...headers,
            'content-type': 'application/json',
            'content-length': String(Buffer.byteLength(body)),
            'user-agent': 'Porchlight-Webhooks/1',
          },
        },
        (response) => {
          const chunks: Buffer[] = []
          let kept = 0
          response.on('data', (chunk: Buffer) => {
            if (kept < webhooksConfig.responseBytes) chunks.push(chunk)
            kept += chunk.length
          })
          response.on('end', () => {
            const text = Buffer.concat(chunks).subarray(0, webhooksConfig.responseBytes)
            resolve(finish(response.statusCode ?? null, text.toString('utf8')))
          })
          response.on('error', (error) =>
            resolve(finish(response.statusCode ?? null, error.message))
          )
        }
      )
      request.on('timeout', () => request.destroy(new Error('Timed out')))
      request.on('error', (error) => resolve(finish(null, error.message)))
      request.end(body)
    })
  } catch (error) {
    return finish(null, (error as Error).message)
  }
}
