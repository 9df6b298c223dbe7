import proxyAddr from 'proxy-addr'

/**
 * Which peers may tell Porchlight the client's address (X-Forwarded-For):
 * none, the nearest `hops` proxies, or proxies at the listed addresses.
 */
export type TrustedProxies = { hops: number } | { addresses: string[] } | null

/**
 * Reads TRUST_PROXY: `false` (or unset), `true` (one proxy, kept for
 * compatibility), a number of proxy hops, or a comma-separated list of
 * proxy addresses and ranges (`127.0.0.1`, `10.0.0.0/8`, `loopback`,
 * `uniquelocal`).
 */
export function parseTrustProxy(name: string, value?: string): TrustedProxies {
  const setting = (value ?? '').trim()
  if (setting === '' || setting === 'false' || setting === '0') return null
  if (setting === 'true') return { hops: 1 }
  if (/^\d+$/.test(setting)) return { hops: Number(setting) }

  const addresses = setting.split(',').map((entry) => entry.trim())
  try {
    proxyAddr.compile(addresses)
  } catch (error) {
    throw new Error(
      `${name} must be true, false, a number of proxy hops or a comma-separated list of proxy addresses: ${(error as Error).message}`
    )
  }
  return { addresses }
}

/**
 * The trust function for the HTTP server. The client address is the first
 * one, reading X-Forwarded-For from the right (nearest) end, that no trusted
 * proxy added: what the nearest trusted proxy saw. Entries further left were
 * written by the client itself and are never believed.
 */
export function trustFunction(proxies: TrustedProxies): (address: string, hop: number) => boolean {
  if (!proxies) return () => false
  if ('hops' in proxies) {
    const { hops } = proxies
    return (_address, hop) => hop < hops
  }
  return proxyAddr.compile(proxies.addresses)
}
