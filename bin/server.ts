/*
| HTTP server entrypoint: `npm start` reaches it through bin/start.js, and
| `node ace serve` runs it in development.
*/
await import('reflect-metadata')
const { prettyPrintError } = await import('@adonisjs/core')
const { ignite } = await import('./ignite.js')

ignite()
  .httpServer()
  .start()
  .catch((error) => {
    process.exitCode = 1
    prettyPrintError(error)
  })
