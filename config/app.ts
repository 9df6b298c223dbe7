import env from '#start/env'
import app from '@adonisjs/core/services/app'
import { defineConfig } from '@adonisjs/core/http'
import { dataDir } from './paths.js'
import { trustFunction } from '#start/trusted_proxies'

export const appKey = env.get('APP_KEY')

/**
 * The public base URL: webhook URLs and invite links are built from it.
 */
export const appUrl = (
  env.get('APP_URL') || `http://${env.get('HOST', 'localhost')}:${env.get('PORT', 3333)}`
).replace(/\/+$/, '')

export const storagePath = dataDir(app.appRoot, env.get('DATA_DIR'))

export const http = defineConfig({
  generateRequestId: true,
  allowMethodSpoofing: true,
  useAsyncLocalStorage: false,
  trustProxy: trustFunction(env.get('TRUST_PROXY')),
  cookie: {
    domain: '',
    path: '/',
    maxAge: '2h',
    httpOnly: true,
    secure: appUrl.startsWith('https://'),
    sameSite: 'lax',
  },
})
