import { appUrl } from '#config/app'
import { sessionConfig } from '#services/auth/sessions/configured_store'
import { urlFor } from '@adonisjs/core/services/url_builder'

/**
 * A browser's cookie jar over plain HTTP to the test server: it signs in
 * through the real form, so its session lives in the configured store (not
 * the test client's memory store). `copy()` is what a thief copies.
 */
export class CookieBrowser {
  #cookies: Map<string, string>
  /** The server this browser talks to (another process's, in cross-process tests). */
  readonly baseUrl: string

  constructor(cookies: Map<string, string> = new Map(), baseUrl = appUrl) {
    this.#cookies = new Map(cookies)
    this.baseUrl = baseUrl
  }

  /** Another browser holding the same cookies. */
  copy() {
    return new CookieBrowser(this.#cookies, this.baseUrl)
  }

  cookie(name: string) {
    return this.#cookies.get(name)
  }

  /** The Cookie header this browser sends. */
  get cookieHeader() {
    return [...this.#cookies].map(([name, value]) => `${name}=${value}`).join('; ')
  }

  async request(method: string, path: string, form?: Record<string, string>) {
    const headers: Record<string, string> = { 'user-agent': 'Porchlight test browser' }
    if (this.#cookies.size) headers.cookie = this.cookieHeader
    const xsrf = this.#cookies.get('XSRF-TOKEN')
    if (xsrf) headers['x-xsrf-token'] = decodeURIComponent(xsrf)
    if (form) headers['content-type'] = 'application/x-www-form-urlencoded'
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers,
      body: form ? new URLSearchParams(form).toString() : undefined,
      redirect: 'manual',
    })
    for (const header of response.headers.getSetCookie()) this.#keep(header)
    await response.arrayBuffer()
    return response
  }

  get(path: string) {
    return this.request('GET', path)
  }

  /** Submits a form the way a page would: after loading a page, so it holds a CSRF token. */
  async submit(method: string, path: string, form: Record<string, string> = {}) {
    if (!this.#cookies.has('XSRF-TOKEN')) await this.get(urlFor('session.create'))
    return this.request(method, path, form)
  }

  async signIn(email: string, password: string) {
    await this.get(urlFor('session.create'))
    return this.request('POST', urlFor('session.store'), { email, password })
  }

  /** Whether a page for signed-in users opens (rather than sending to /login). */
  async isSignedIn() {
    const response = await this.get(urlFor('profile.edit'))
    if (response.status === 200) return true
    if (response.status === 302 && response.headers.get('location') === '/login') return false
    throw new Error(`GET /account answered ${response.status}`)
  }

  #keep(setCookie: string) {
    const [pair, ...attributes] = setCookie.split(';')
    const name = pair.slice(0, pair.indexOf('='))
    const value = pair.slice(pair.indexOf('=') + 1)
    const expired = attributes.some((attribute) => {
      const [key, setting] = attribute.trim().split('=')
      if (key.toLowerCase() === 'max-age') return Number(setting) <= 0
      if (key.toLowerCase() === 'expires') return new Date(setting).getTime() < Date.now()
      return false
    })
    if (expired || value === '') this.#cookies.delete(name)
    else this.#cookies.set(name, value)
  }
}

/**
 * Makes the app keep sessions in `store` (the tests otherwise run on the
 * memory store, for the test client's loginAs) until the returned function
 * puts it back.
 */
export async function useSessionStore(store: 'database' | 'redis') {
  const config = await sessionConfig()
  const previous = config.store
  config.store = store
  return () => {
    config.store = previous
  }
}
