import { request as httpRequest } from 'node:http'
import { once } from 'node:events'
import { connect } from 'node:net'
import { setTimeout } from 'node:timers/promises'
import { randomUUID } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, rm, utimes, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import testUtils from '@adonisjs/core/services/test_utils'
import type { ApplicationService } from '@adonisjs/core/types'
import Contact from '#models/contact'
import Import from '#models/import'
import UploadTmpProvider from '#providers/upload_tmp_provider'
import { UPLOAD_TMP_DIR } from '#services/uploads'
import { apiTokenFor, createMember } from '#tests/helpers/members'
import { asGuest, asMember, fieldErrors } from '#tests/helpers/web'
import { copiesOnDisk, markedCsv, multipartCsvBody, uploadTmpCount } from '#tests/helpers/uploads'
import { runQueuedImports } from '#tests/helpers/imports'
import { urlFor } from '@adonisjs/core/services/url_builder'

/**
 * Uploaded files are written to disk only for the routes that take them,
 * after sign-in and authorization, and are gone when the request ends,
 * whatever it answered.
 */
test.group('Uploads | temp files', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a file posted to {path} without signing in is never kept')
    .with([
      { path: '/api/v1/imports', status: 401 },
      { path: '/login', status: 302 },
      { path: '/setup', status: 302 },
      { path: '/imports', status: 302 },
      { path: '/webhooks/fake/1', status: 404 },
      { path: '/api/v1/nowhere', status: 404 },
      { path: '/nowhere', status: 404 },
    ])
    .run(async ({ client, assert }, { path, status }) => {
      const before = await uploadTmpCount()
      const { marker, content } = markedCsv(2000)

      const response = await asGuest(client.post(path))
        .file('file', content, { filename: 'contacts.csv' })
        .field('email', 'someone@example.org')
      response.assertStatus(status)

      assert.deepEqual(await copiesOnDisk(marker), [])
      assert.equal(await uploadTmpCount(), before)
    })

  test('the answer to an upload without a token comes before its file is read', async ({
    assert,
    cleanup,
  }) => {
    const { marker, content } = markedCsv(2000)
    const { contentType, body } = multipartCsvBody(content)
    const request = httpRequest({
      host: process.env.HOST,
      port: process.env.PORT,
      path: '/api/v1/imports',
      method: 'POST',
      headers: {
        'content-type': contentType,
        'content-length': body.length,
      },
    })
    request.on('error', () => {})
    cleanup(() => {
      request.destroy()
    })
    // Half the file is sent and the rest never is: the server must not wait for it.
    request.write(body.subarray(0, body.length / 2))
    const [response] = await once(request, 'response')
    assert.equal(response.statusCode, 401)
    assert.deepEqual(await copiesOnDisk(marker), [])
  })

  test('a client that closes the connection after the answer can send its whole file and reads the answer', async ({
    assert,
    cleanup,
  }) => {
    const { marker, content } = markedCsv(2000)
    const { contentType, body } = multipartCsvBody(content)
    const socket = connect({ host: process.env.HOST, port: Number(process.env.PORT) })
    cleanup(() => {
      socket.destroy()
    })
    await once(socket, 'connect')
    const received: Buffer[] = []
    socket.on('data', (chunk: Buffer) => received.push(chunk))
    socket.on('error', () => {})
    const closed = once(socket, 'close')

    socket.write(
      'POST /api/v1/imports HTTP/1.1\r\n' +
        `Host: ${process.env.HOST}:${process.env.PORT}\r\n` +
        'Connection: close\r\n' +
        `Content-Type: ${contentType}\r\n` +
        `Content-Length: ${body.length}\r\n\r\n`
    )
    socket.write(body.subarray(0, body.length / 2))
    // Long enough for the refusal to be decided while the client is still sending.
    await setTimeout(200)
    const sendingTheRest = await new Promise<Error | null | undefined>((resolve) =>
      socket.write(body.subarray(body.length / 2), resolve)
    )
    assert.notExists(sendingTheRest, 'the connection was closed before the file was sent')

    await closed
    assert.match(Buffer.concat(received).toString(), /^HTTP\/1\.1 401 /)
    assert.deepEqual(await copiesOnDisk(marker), [])
  })

  test('an accepted API import keeps one copy: the import’s own', async ({ client, assert }) => {
    const membership = await createMember('supervisor')
    const token = await apiTokenFor(membership)
    const before = await uploadTmpCount()
    const { marker, content } = markedCsv()

    const response = await client
      .post('/api/v1/imports')
      .bearerToken(token)
      .file('file', content, { filename: 'contacts.csv' })
    response.assertStatus(202)

    assert.deepEqual(await copiesOnDisk(marker), [])
    assert.equal(await uploadTmpCount(), before)
    // The import read the file it kept.
    await runQueuedImports()
    const record = await Import.findOrFail(response.body().id)
    assert.equal(record.status, 'completed')
    const contact = await Contact.forOrganization(membership.organizationId).firstOrFail()
    assert.equal(contact.customFields.note, marker)
  })

  test('a refused or rejected API import leaves no file ({name})')
    .with([
      {
        name: 'a texter: 403',
        role: 'texter' as const,
        fields: {},
        status: 403,
      },
      {
        name: 'a bad region: 422',
        role: 'owner' as const,
        fields: { defaultRegion: 'ZZ' },
        status: 422,
      },
      { name: 'bad mapping: 422', role: 'owner' as const, fields: { mapping: '{' }, status: 422 },
    ])
    .run(async ({ client, assert }, { role, fields, status }) => {
      const membership = await createMember(role)
      const token = await apiTokenFor(membership)
      const before = await uploadTmpCount()
      const { marker, content } = markedCsv(500)

      const response = await client
        .post('/api/v1/imports')
        .bearerToken(token)
        .file('file', content, { filename: 'contacts.csv' })
        .fields(fields as Record<string, string>)
      response.assertStatus(status)

      assert.deepEqual(await copiesOnDisk(marker), [])
      assert.equal(await uploadTmpCount(), before)
    })

  test('the web import wizard and the opt-out upload leave no temp file', async ({
    client,
    assert,
  }) => {
    const owner = await createMember('owner')
    const before = await uploadTmpCount()

    const wizard = markedCsv()
    const upload = await asMember(client.post(urlFor('imports.store')), owner).file(
      'file',
      wizard.content,
      {
        filename: 'contacts.csv',
      }
    )
    upload.assertStatus(302)
    assert.match(upload.header('location') ?? '', /^\/imports\/\d+$/)
    assert.deepEqual(await copiesOnDisk(wizard.marker), [])

    const optOuts = markedCsv()
    const imported = await asMember(client.post(urlFor('opt_outs.import')), owner).file(
      'file',
      optOuts.content,
      { filename: 'suppression.csv' }
    )
    imported.assertStatus(302)
    assert.equal(imported.header('location'), '/opt-outs')
    assert.deepEqual(await copiesOnDisk(optOuts.marker), [])

    // A file the validator refuses (wrong extension) is gone too.
    const refused = markedCsv()
    const wrongKind = await asMember(client.post(urlFor('opt_outs.import')), owner).file(
      'file',
      refused.content,
      { filename: 'suppression.exe' }
    )
    wrongKind.assertStatus(302)
    assert.deepEqual(await copiesOnDisk(refused.marker), [])

    assert.equal(await uploadTmpCount(), before)
  })

  test('a file over the route’s size limit is cut off and refused like any too-big file', async ({
    client,
    assert,
  }) => {
    const owner = await createMember('owner')
    const before = await uploadTmpCount()
    // The opt-out upload takes 2 MB at most; this is about 3 MB.
    const { marker, content } = markedCsv(60_000)
    assert.isAbove(content.length, 2.5 * 1024 * 1024)

    const response = await asMember(client.post(urlFor('opt_outs.import')), owner).file(
      'file',
      content,
      {
        filename: 'suppression.csv',
      }
    )
    response.assertStatus(302)
    assert.deepEqual(fieldErrors(response), { file: ['File size should be less than 2MB'] })
    assert.deepEqual(await copiesOnDisk(marker), [])
    assert.equal(await uploadTmpCount(), before)
  })

  test('files a killed process left are swept at start once an hour old', async ({
    assert,
    cleanup,
  }) => {
    await mkdir(UPLOAD_TMP_DIR, { recursive: true })
    const stale = join(UPLOAD_TMP_DIR, randomUUID())
    const recent = join(UPLOAD_TMP_DIR, randomUUID())
    await writeFile(stale, 'left by a killed process')
    await writeFile(recent, 'still being received by another process')
    const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000)
    await utimes(stale, twoHoursAgo, twoHoursAgo)
    cleanup(() => rm(recent, { force: true }))

    const provider = new UploadTmpProvider({
      getEnvironment: () => 'web',
      container: app.container,
    } as unknown as ApplicationService)
    await provider.ready()
    await provider.shutdown()

    assert.isFalse(existsSync(stale))
    assert.isTrue(existsSync(recent))
  })
})
