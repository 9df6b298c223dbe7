import { IncomingMessage, ServerResponse } from 'node:http'
import { Socket } from 'node:net'
import { Writable } from 'node:stream'
import { randomBytes } from 'node:crypto'
import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { Logger } from '@adonisjs/core/logger'
import { HttpContextFactory, RequestFactory, ResponseFactory } from '@adonisjs/core/factories/http'
import loggerConfig from '#config/logger'
import HttpExceptionHandler from '#exceptions/handler'

/** A query that fails with `marker` among its bound values (and 100 KB of other values). */
async function failedQuery(marker: string) {
  const filler = Array.from({ length: 1000 }, () => 'x'.repeat(100))
  const placeholders = filler.map(() => '?').join(', ')
  try {
    await db.rawQuery(`select * from no_such_table where name = ? or name in (${placeholders})`, [
      marker,
      ...filler,
    ])
  } catch (error) {
    return error as Error
  }
  throw new Error('The query was meant to fail')
}

/** A logger configured like the application's, writing to lines a test can read. */
function capturingLogger() {
  const lines: string[] = []
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...chunk.toString().split('\n').filter(Boolean))
      done()
    },
  })
  const config = { ...loggerConfig.loggers.app, transport: undefined }
  return { lines, logger: new Logger({ ...config, level: 'info', destination }) }
}

function requestContext(url: string, accept: string, logger: Logger) {
  const req = new IncomingMessage(new Socket())
  req.url = url
  req.method = 'POST'
  req.headers = { accept }
  const res = new ServerResponse(req)
  const request = new RequestFactory().merge({ req, res }).create()
  const response = new ResponseFactory().merge({ req, res }).create()
  return new HttpContextFactory().merge({ request, response, logger }).create()
}

test.group('Errors | database errors', () => {
  test('a failed query never shows its SQL in an error body ({accept} on {url})')
    .with([
      { url: '/segments/preview', accept: 'application/json' },
      { url: '/segments/preview', accept: 'application/vnd.api+json' },
      { url: '/api/v1/segments', accept: 'application/json' },
    ])
    .run(async ({ assert }, { url, accept }) => {
      const marker = randomBytes(8).toString('hex')
      const error = await failedQuery(marker)
      const ctx = requestContext(url, accept, capturingLogger().logger)

      await new HttpExceptionHandler().handle(error, ctx)

      assert.equal(ctx.response.getStatus(), 500)
      const body = JSON.stringify(ctx.response.getBody())
      assert.include(body, 'Something went wrong on our side')
      assert.notInclude(body, marker)
      assert.notMatch(body, /select|no_such_table/i)
    })

  test('a failed query is logged with the driver’s message, never the values bound to it', async ({
    assert,
  }) => {
    const marker = randomBytes(8).toString('hex')
    const error = await failedQuery(marker)
    // The message itself carries placeholders, not values.
    assert.notInclude(error.message, marker)

    const { lines, logger } = capturingLogger()
    const ctx = requestContext('/segments/preview', 'application/json', logger)
    await new HttpExceptionHandler().report(error, ctx)
    // Any other place that logs the error (a worker, a job) goes through the same serializer.
    logger.error({ err: error }, 'contact import failed')

    assert.lengthOf(lines, 2)
    for (const line of lines) {
      assert.notInclude(line, marker)
      assert.notInclude(line, 'x'.repeat(100))
      assert.isBelow(line.length, 5000)
      assert.match(JSON.parse(line).err.message, /no such table|doesn't exist/)
    }
  })
})
