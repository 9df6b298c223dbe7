import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import Segment from '#models/segment'
import { apiTokenFor, createMember } from '#tests/helpers/members'
import { assertMatchesApiDoc } from '#tests/helpers/openapi'
import { asMember } from '#tests/helpers/web'
import { urlFor } from '@adonisjs/core/services/url_builder'

/** 33 conditions of 1,000 ZIP codes each: more values than SQLite binds in one statement. */
function hugeDefinition() {
  return {
    any: Array.from({ length: 33 }, (_, condition) => ({
      field: 'zip',
      op: 'in',
      value: Array.from({ length: 1000 }, (_value, i) => `z${condition}-${i}`),
    })),
  }
}

test.group('Segments | limits and odd input', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a definition with more values in all than a query can take is refused, naming the limit', async ({
    client,
    assert,
  }) => {
    const owner = await createMember('owner')
    const token = await apiTokenFor(owner)

    const saved = await client
      .post('/api/v1/segments')
      .bearerToken(token)
      .json({ name: 'Every ZIP', definition: hugeDefinition() })
    saved.assertStatus(422)
    assertMatchesApiDoc(saved)
    assert.deepEqual(saved.body().errors, [
      {
        field: 'definition',
        rule: 'values',
        message:
          'A segment may list at most 10,000 values in all; this one lists 33,000. Use a list or a tag for large sets of contacts.',
      },
    ])
    assert.lengthOf(await Segment.all(), 0)

    const previewed = await asMember(client.post(urlFor('segments.preview')), owner).json({
      definition: hugeDefinition(),
    })
    previewed.assertStatus(422)
    assert.containSubset(previewed.body().errors, [{ field: 'definition', rule: 'values' }])
  })

  test('a field name with a NUL or another control character is refused ({name})')
    .with([
      { name: 'NUL', field: 'customFields.a\u0000b' },
      { name: 'newline', field: 'customFields.Volunteer\nLevel' },
      { name: 'escape', field: 'customFields.\u001b[31mred' },
      { name: 'delete', field: 'customFields.x\u007f' },
    ])
    .run(async ({ client, assert }, { field }) => {
      const owner = await createMember('owner')
      const token = await apiTokenFor(owner)
      const definition = { all: [{ field, op: 'eq', value: 'x' }] }

      const previewed = await asMember(client.post(urlFor('segments.preview')), owner).json({
        definition,
      })
      previewed.assertStatus(422)
      assert.containSubset(previewed.body().errors, [
        { field: 'definition.all.0.field', rule: 'field' },
      ])
      assert.notMatch(previewed.text(), /select|json_extract|sqlite/i)

      const saved = await client
        .post('/api/v1/segments')
        .bearerToken(token)
        .json({ name: 'Odd', definition })
      saved.assertStatus(422)
      assertMatchesApiDoc(saved)
      assert.containSubset(saved.body().errors, [
        { field: 'definition.all.0.field', rule: 'field' },
      ])
    })
})
