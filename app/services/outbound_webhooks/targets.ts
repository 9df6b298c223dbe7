import { BlockList, isIP } from 'node:net'
import { lookup } from 'node:dns/promises'
import type { LookupAddress } from 'node:dns'
import webhooksConfig from '#config/webhooks'

/**
 * Where a webhook may not go: loopback, private, shared (CGNAT), link-local
 * (cloud metadata at 169.254.169.254 and fd00:ec2::254), unspecified and
 * multicast addresses. A URL naming the server's own network would let
 * anyone who can save an endpoint probe it.
 */
const refused = new BlockList()
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 3],
] as const) {
  refused.addSubnet(network, prefix, 'ipv4')
}
for (const [network, prefix] of [
  ['::', 127],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  refused.addSubnet(network, prefix, 'ipv6')
}

/** Whether an IP address is one webhooks may not reach (IPv4-mapped IPv6 judged as IPv4). */
export function isRefusedAddress(address: string) {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)
  if (mapped) return refused.check(mapped[1], 'ipv4')
  const family = isIP(address)
  if (family === 0) return true
  return refused.check(address, family === 4 ? 'ipv4' : 'ipv6')
}

export class RefusedTargetError extends Error {}

/** The host of a URL, without IPv6 brackets. */
export function hostOf(url: URL) {
  return url.hostname.replace(/^\[|\]$/g, '')
}

/**
 * The addresses a host resolves to, refusing the lot if any is one webhooks
 * may not reach (unless private targets are allowed).
 */
export async function resolveTarget(host: string): Promise<LookupAddress[]> {
  const addresses = isIP(host)
    ? [{ address: host, family: isIP(host) }]
    : await lookup(host, { all: true }).catch(() => {
        throw new RefusedTargetError(`${host} does not resolve`)
      })
  if (!webhooksConfig.allowPrivateTargets) {
    const inside = addresses.find(({ address }) => isRefusedAddress(address))
    if (inside) {
      throw new RefusedTargetError(
        `${host} resolves to ${inside.address}, a private or internal address`
      )
    }
  }
  return addresses
}

/** Checks an endpoint URL before it is saved: http(s), and a public destination. */
export async function checkTargetUrl(value: string) {
  const url = new URL(value)
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new RefusedTargetError('Use an http:// or https:// URL')
  }
  await resolveTarget(hostOf(url))
}
