import { test } from '@japa/runner'
import { once } from 'node:events'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { dialectOf } from '#services/db/sql'
import { sqliteWriterFor } from '#services/db/read_pool'
import { clickLog } from '#services/links/click_log'
import {
  productionOnTestDatabase,
  serverProcess,
  unusedPort,
  untilAnswering,
} from '#tests/helpers/processes'
import { codesIn, deliver, linksOf, PHONE, sendFirst, trackedCampaign } from '#tests/helpers/links'

const SLACK = 'Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)'

/** A link of a sent, delivered text, committed (no global transaction: other connections see it). */
async function sentLink(client: Parameters<typeof trackedCampaign>[0]) {
  const { texter, campaign, rows } = await trackedCampaign(client, { contacts: 1 })
  const message = await sendFirst(client, texter, campaign, rows[0].id)
  await deliver(message)
  const [code] = codesIn(message.body)
  return { campaign, code, campaignContactId: rows[0].id }
}

/** Makes every write of click counts fail, until the returned function is called. */
async function refuseClickWrites() {
  const trigger =
    dialectOf(db.connection()) === 'mysql'
      ? `CREATE TRIGGER refuse_clicks BEFORE UPDATE ON tracked_links FOR EACH ROW
         SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'clicks refused'`
      : `CREATE TRIGGER refuse_clicks BEFORE UPDATE ON tracked_links
         BEGIN SELECT RAISE(ABORT, 'clicks refused'); END`
  await db.rawQuery(trigger)
  return () => db.rawQuery('DROP TRIGGER refuse_clicks')
}

/**
 * Clicks written as the running server writes them: on SQLite by the writer
 * process (its own connection, so over committed rows, not in a test's
 * global transaction), on MySQL through Lucid.
 */
test.group('Tracked links | writing clicks', (group) => {
  group.each.setup(() => testUtils.db().truncate())
  group.each.teardown(() => clickLog.flush())

  test('clicks counted in memory are in the database once flushed', async ({ client, assert }) => {
    const { campaign, code, campaignContactId } = await sentLink(client)
    const writer = sqliteWriterFor()
    const before = writer?.answered ?? 0

    for (const agent of [PHONE, PHONE, SLACK, PHONE]) {
      const response = await client.get(`/l/${code}`).header('User-Agent', agent).redirects(0)
      response.assertStatus(302)
    }
    await clickLog.flush()

    const [link] = await linksOf(campaign)
    assert.equal(link.clicks, 3)
    assert.equal(link.previews, 1)
    assert.isNotNull(link.first_clicked_at)
    const row = await db.from('campaign_contacts').where('id', campaignContactId).first()
    assert.equal(String(row.first_clicked_at), String(link.first_clicked_at))
    if (dialectOf(db.connection()) === 'sqlite') {
      // Written by the writer process, not on the server's own connection.
      assert.isAbove(writer!.answered, before)
    } else {
      assert.isNull(writer)
    }
  })

  test('a failed write puts its counts back, and the next write counts them once', async ({
    client,
    assert,
    cleanup,
  }) => {
    const { campaign, code } = await sentLink(client)
    const allowClickWrites = await refuseClickWrites()
    cleanup(() => allowClickWrites().catch(() => {}))

    for (const agent of [PHONE, SLACK]) {
      await client.get(`/l/${code}`).header('User-Agent', agent).redirects(0)
    }
    await assert.rejects(() => clickLog.flush(), /clicks refused/)
    let [link] = await linksOf(campaign)
    assert.equal(link.clicks, 0)

    await client.get(`/l/${code}`).header('User-Agent', PHONE).redirects(0)
    await allowClickWrites()
    await clickLog.flush()

    ;[link] = await linksOf(campaign)
    assert.equal(link.clicks, 2)
    assert.equal(link.previews, 1)
  })

  test('a clean shutdown (SIGTERM to its process group) writes the clicks still counted in memory', async ({
    client,
    assert,
    cleanup,
  }) => {
    const { campaign, code } = await sentLink(client)
    const port = await unusedPort()
    // A process group of its own, stopped as a whole as systemd or a terminal stops one.
    const server = serverProcess(port, productionOnTestDatabase(), { ownGroup: true })
    cleanup(() => {
      if (server.exitCode === null) process.kill(-server.pid!, 'SIGKILL')
    })
    const exited = once(server, 'exit')
    const base = `http://127.0.0.1:${port}`
    await untilAnswering(`${base}/health`, true, 30)

    const hit = async (agent: string) => {
      const response = await fetch(`${base}/l/${code}`, {
        headers: { 'User-Agent': agent },
        redirect: 'manual',
      })
      assert.equal(response.status, 302)
    }
    // One click written a second later (on SQLite, the writer process is running from then on)…
    await hit(PHONE)
    await new Promise((resolve) => setTimeout(resolve, 1_500))
    // …and more, still in memory when the server and its processes are told to stop.
    for (const agent of [PHONE, PHONE, SLACK]) await hit(agent)
    process.kill(-server.pid!, 'SIGTERM')
    assert.deepEqual(await exited, [0, null])

    const [link] = await linksOf(campaign)
    assert.equal(link.clicks, 3)
    assert.equal(link.previews, 1)
  }).timeout(60_000)
})
