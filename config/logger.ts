import env from '#start/env'
import app from '@adonisjs/core/services/app'
import { defineConfig, targets } from '@adonisjs/core/logger'
import { serializeError } from '#services/db/database_errors'

const loggerConfig = defineConfig({
  default: 'app',
  loggers: {
    app: {
      enabled: true,
      name: 'porchlight',
      level: env.get('LOG_LEVEL', app.inTest ? 'warn' : 'info'),
      // Credentials and tokens never reach the log, whatever a caller passes.
      redact: {
        paths: [
          'password',
          '*.password',
          'credentials',
          '*.credentials',
          'token',
          '*.token',
          'authorization',
          '*.authorization',
        ],
        censor: '[redacted]',
      },
      // A failed query is logged with its placeholders, never the values bound to them.
      serializers: { err: serializeError },
      transport: {
        targets: targets()
          .pushIf(!app.inProduction && !app.inTest, targets.pretty())
          .pushIf(app.inProduction || app.inTest, targets.file({ destination: 1 }))
          .toArray(),
      },
    },
  },
})

export default loggerConfig

declare module '@adonisjs/core/types' {
  export interface LoggersList extends InferLoggers<typeof loggerConfig> {}
}
