import { test } from '@japa/runner'
import type { ApiClient } from '@japa/api-client'
import { assertMatchesApiDoc } from '#tests/helpers/openapi'
import { serverProcess, unusedPort } from '#tests/helpers/processes'

/**
 * Asks `url` until the server answers, for at most `seconds`.
 */
async function firstAnswer(client: ApiClient, url: string, seconds: number) {
  const deadline = Date.now() + seconds * 1000
  for (;;) {
    try {
      return await client.get(url)
    } catch (error) {
      if (Date.now() > deadline) throw error
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  }
}

test.group('Health', () => {
  test('answers ok when the database answers', async ({ client }) => {
    const response = await client.get('/health')

    response.assertStatus(200)
    assertMatchesApiDoc(response)
    response.assertBody({ status: 'ok', database: 'ok' })
  })

  test('answers 503 when the database is unreachable', async ({ client, cleanup }) => {
    const [databasePort, serverPort] = [await unusedPort(), await unusedPort()]
    // A production server of its own whose database is a port nobody listens on.
    const server = serverProcess(serverPort, {
      NODE_ENV: 'production',
      DB_CONNECTION: 'mysql',
      DB_HOST: '127.0.0.1',
      DB_PORT: String(databasePort),
    })
    cleanup(() => {
      server.kill()
    })

    const response = await firstAnswer(client, `http://127.0.0.1:${serverPort}/health`, 20)

    response.assertStatus(503)
    assertMatchesApiDoc(response)
    response.assertBody({ status: 'error', database: 'unreachable' })
  }).timeout(30_000)
})
