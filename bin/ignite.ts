import { Ignitor } from '@adonisjs/core'

/**
 * The application root and the importer every entrypoint shares.
 */
const APP_ROOT = new URL('../', import.meta.url)

function importer(filePath: string) {
  if (filePath.startsWith('./') || filePath.startsWith('../')) {
    return import(new URL(filePath, APP_ROOT).href)
  }
  return import(filePath)
}

/**
 * Creates the ignitor with the env file loaded and termination signals wired.
 */
export function ignite() {
  return new Ignitor(APP_ROOT, { importer }).tap((app) => {
    app.booting(async () => {
      await import('#start/env')
    })
    const stop = async () => {
      if (app.getEnvironment() !== 'web') return app.terminate()
      const { shutDownGracefully } = await import('#services/graceful_shutdown')
      await shutDownGracefully(app)
    }
    app.listen('SIGTERM', stop)
    app.listenIf(app.managedByPm2, 'SIGINT', stop)
  })
}
