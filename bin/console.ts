/*
| Ace entrypoint. Commands boot the application only when their
| `options.startApp` flag says so.
*/
await import('reflect-metadata')
const { prettyPrintError } = await import('@adonisjs/core')
const { ignite } = await import('./ignite.js')

ignite()
  .ace()
  .handle(process.argv.splice(2))
  .catch((error) => {
    process.exitCode = 1
    prettyPrintError(error)
  })
