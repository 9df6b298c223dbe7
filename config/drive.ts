import env from '#start/env'
import { join } from 'node:path'
import { defineConfig, services } from '@adonisjs/drive'
import { storagePath } from '#config/app'

/**
 * Pictures (the media library and pictures people text in) are kept on a Drive disk so
 * S3-compatible storage can follow. Files are never served by Drive itself: members
 * reach them through the app's own routes and providers through expiring links.
 */
const driveConfig = defineConfig({
  default: env.get('DRIVE_DISK', 'fs'),
  services: {
    fs: services.fs({
      location: join(storagePath, 'media'),
      serveFiles: false,
      visibility: 'private',
    }),
  },
})

export default driveConfig

declare module '@adonisjs/drive/types' {
  export interface DriveDisks extends InferDriveDisks<typeof driveConfig> {}
}
