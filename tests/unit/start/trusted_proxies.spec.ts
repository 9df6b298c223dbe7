import { test } from '@japa/runner'
import proxyAddr from 'proxy-addr'
import type { IncomingMessage } from 'node:http'
import { parseTrustProxy, trustFunction } from '#start/trusted_proxies'

/** The client address the server settles on for a request from `peer` carrying `forwardedFor`. */
function clientAddress(setting: string | undefined, peer: string, forwardedFor?: string) {
  const request = {
    socket: { remoteAddress: peer },
    connection: { remoteAddress: peer },
    headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {},
  } as unknown as IncomingMessage
  return proxyAddr(request, trustFunction(parseTrustProxy('TRUST_PROXY', setting)))
}

test.group('TRUST_PROXY | client address', () => {
  test('unset or false: the peer itself, whatever the header says', ({ assert }) => {
    for (const setting of [undefined, '', 'false', '0']) {
      assert.equal(clientAddress(setting, '198.51.100.9', '203.0.113.1'), '198.51.100.9')
    }
  })

  test('true means one proxy: a made-up first hop does not change the address', ({ assert }) => {
    // nginx's $proxy_add_x_forwarded_for appends the address it saw to what the client sent.
    const seen = ['10.9.8.7', '1.2.3.4', 'not-an-address'].map((spoofed) =>
      clientAddress('true', '127.0.0.1', `${spoofed}, 203.0.113.50`)
    )
    assert.deepEqual(seen, ['203.0.113.50', '203.0.113.50', '203.0.113.50'])
    assert.equal(clientAddress('true', '127.0.0.1', '203.0.113.50'), '203.0.113.50')
    assert.equal(clientAddress('true', '127.0.0.1'), '127.0.0.1')
  })

  test('a hop count takes what the outermost trusted proxy saw', ({ assert }) => {
    // client → CDN (adds 203.0.113.50) → nginx (adds the CDN's 198.51.100.2) → app
    const header = '6.6.6.6, 203.0.113.50, 198.51.100.2'
    assert.equal(clientAddress('2', '127.0.0.1', header), '203.0.113.50')
    assert.equal(clientAddress('1', '127.0.0.1', header), '198.51.100.2')
  })

  test('a list trusts only those addresses, so a direct visitor cannot pretend', ({ assert }) => {
    const setting = 'loopback, 10.0.0.0/8'
    assert.equal(clientAddress(setting, '127.0.0.1', '6.6.6.6, 203.0.113.50'), '203.0.113.50')
    assert.equal(clientAddress(setting, '10.1.2.3', '203.0.113.50, 10.4.5.6'), '203.0.113.50')
    assert.equal(clientAddress(setting, '192.0.2.77', '203.0.113.50'), '192.0.2.77')
  })

  test('a value that is neither is refused at start', ({ assert }) => {
    assert.throws(
      () => parseTrustProxy('TRUST_PROXY', 'yes please'),
      /TRUST_PROXY must be true, false, a number of proxy hops or a comma-separated list/
    )
  })
})
