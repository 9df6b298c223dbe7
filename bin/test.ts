/*
| Test runner entrypoint (`node ace test`).
*/
process.env.NODE_ENV = 'test'
// Two runs started together both find Vite's default live-reload port free: a port block of
// their own keeps each run's pages on its own Vite (README, Tests).
if (process.env.TEST_PORT_BASE) {
  process.env.VITE_HMR_PORT = String(Number(process.env.TEST_PORT_BASE) + 99)
}

import 'reflect-metadata'
import { prettyPrintError } from '@adonisjs/core'
import { configure, processCLIArgs, run } from '@japa/runner'
import { ignite } from './ignite.js'

ignite()
  .testRunner()
  .configure(async (app) => {
    const { runnerHooks, ...config } = await import('../tests/bootstrap.js')

    processCLIArgs(process.argv.splice(2))
    configure({
      ...app.rcFile.tests,
      ...config,
      ...{
        setup: runnerHooks.setup,
        teardown: runnerHooks.teardown.concat([() => app.terminate()]),
      },
    })
  })
  .run(() => run())
  .catch((error) => {
    process.exitCode = 1
    prettyPrintError(error)
  })
