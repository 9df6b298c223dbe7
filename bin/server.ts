/*
| HTTP server entrypoint: `npm start` reaches it through bin/start.js, and
| `node ace serve` runs it in development.
*/
await import('reflect-metadata')
const { createServer } = await import('node:http')
const { prettyPrintError } = await import('@adonisjs/core')
const { ignite } = await import('./ignite.js')
const { answeringShortLinks } = await import('#services/links/short_link_listener')

ignite()
  .httpServer()
  // Short links are answered ahead of the framework's pipeline.
  .start((handle) => createServer(answeringShortLinks(handle)))
  .catch((error) => {
    process.exitCode = 1
    prettyPrintError(error)
  })
