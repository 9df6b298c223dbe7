import { defineConfig, drivers } from '@adonisjs/core/hash'
import env from '#start/env'

/**
 * scrypt's work factor. Tests hash thousands of fixture passwords, each about 50 ms at the real
 * cost, so they use a cheap one; a stored hash names its own cost, so either verifies anywhere.
 */
const cost = env.get('NODE_ENV') === 'test' ? 1024 : 16384

const hashConfig = defineConfig({
  default: 'scrypt',
  list: {
    scrypt: drivers.scrypt({
      cost,
      blockSize: 8,
      parallelization: 1,
      maxMemory: 33554432,
    }),
  },
})

export default hashConfig

declare module '@adonisjs/core/types' {
  export interface HashersList extends InferHashers<typeof hashConfig> {}
}
