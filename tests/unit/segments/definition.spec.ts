import i18nManager from '@adonisjs/i18n/services/main'
import { test } from '@japa/runner'
import { checkDefinition, LIMITS } from '#services/segments/definition'

const condition = (field: string, op: string, value?: unknown) => ({ field, op, value })

test.group('Segment definitions | checking', () => {
  test('accepts every field with the operators it takes', ({ assert }) => {
    const definition = {
      all: [
        condition('firstName', 'eq', 'Ann'),
        condition('lastName', 'neq', 'Lee'),
        condition('zip', 'gt', 48000),
        condition('state', 'in', ['MI', 'OH']),
        condition('timezone', 'notIn', ['America/Chicago']),
        condition('customFields.Volunteer Level', 'contains', 'old'),
        condition('customFields.Age', 'lt', '30'),
        condition('firstName', 'exists', false),
        { any: [condition('list', 'eq', 3), condition('list', 'in', [3, 'Canvass'])] },
        { any: [condition('tag', 'neq', 'donor'), condition('tag', 'exists', true)] },
        condition('optedOut', 'eq', false),
        condition('optedOut', 'neq', true),
        { all: [] },
      ],
    }
    assert.deepEqual(checkDefinition(definition), [])
  })

  test('accepts every campaign history condition, one campaign or any', ({ assert }) => {
    const definition = {
      any: ['campaign.12', 'campaigns.any'].flatMap((campaign) => [
        condition(`${campaign}.status`, 'in', ['replied', 'not_replied', 'closed']),
        condition(`${campaign}.status`, 'neq', 'needs_message'),
        condition(`${campaign}.survey.40`, 'eq', 41),
        condition(`${campaign}.survey.40`, 'notIn', [41, 42]),
        condition(`${campaign}.survey.40`, 'exists', false),
        condition(`${campaign}.delivery`, 'in', ['delivered', 'failed.landline']),
        condition(`${campaign}.tag`, 'eq', 'volunteer'),
        condition(`${campaign}.tag`, 'exists', true),
        condition(`${campaign}.texted_within_days`, 'eq', 30),
        condition(`${campaign}.replied_within_days`, 'neq', 3650),
      ]),
    }
    assert.deepEqual(checkDefinition(definition), [])
  })

  test('names the place of every problem', ({ assert }) => {
    const issues = checkDefinition({
      any: [
        condition('firstName', 'eq', { nested: true }),
        condition('optedOut', 'contains', 'yes'),
        condition('tag', 'gt', 3),
        condition('customFields.', 'eq', 'x'),
        condition('customFields.say "hi"', 'eq', 'x'),
        condition('list', 'eq', 0),
        condition('state', 'in', []),
        condition('firstName', 'contains', ''),
        { field: 'zip', op: 'eq', value: '1', extra: 1 },
        condition('zip', 'eq', null),
        condition('list', 'in', [null]),
      ],
    })
    assert.deepEqual(
      issues.map((issue) => [issue.field, issue.rule]),
      [
        ['definition.any.0.value', 'scalar'],
        ['definition.any.1.op', 'op'],
        ['definition.any.2.op', 'op'],
        ['definition.any.3.field', 'field'],
        ['definition.any.4.field', 'field'],
        ['definition.any.5.value', 'reference'],
        ['definition.any.6.value', 'array'],
        ['definition.any.7.value', 'required'],
        ['definition.any.8', 'keys'],
        ['definition.any.9.value', 'required'],
        ['definition.any.10.value.0', 'required'],
      ]
    )
  })

  test('limits the size of a definition', ({ assert }) => {
    const many = {
      all: Array.from({ length: LIMITS.conditions + 1 }, () => condition('zip', 'exists', true)),
    }
    assert.deepEqual(
      checkDefinition(many).map((issue) => issue.rule),
      ['conditions']
    )
    const values = {
      all: [
        condition(
          'zip',
          'in',
          Array.from({ length: LIMITS.values + 1 }, (_, i) => i)
        ),
      ],
    }
    assert.deepEqual(
      checkDefinition(values).map((issue) => issue.rule),
      ['array']
    )
  })

  test('counts the values of every condition against one limit for the whole definition', ({
    assert,
  }) => {
    const thousand = (offset: number) =>
      condition(
        'zip',
        'in',
        Array.from({ length: LIMITS.values }, (_, i) => offset + i)
      )
    const conditions = LIMITS.totalValues / LIMITS.values
    const atTheLimit = { any: Array.from({ length: conditions }, (_, i) => thousand(i * 1000)) }
    assert.deepEqual(checkDefinition(atTheLimit), [])

    const overIt = { any: [...atTheLimit.any, condition('zip', 'eq', '48103')] }
    assert.deepEqual(checkDefinition(overIt), [
      {
        field: 'definition',
        rule: 'values',
        message:
          'A segment may list at most 10,000 values in all; this one lists 10,001. Use a list or a tag for large sets of contacts.',
        phrase: {
          key: 'segments.problems.tooManyValues',
          values: { max: 10_000, count: 10_001 },
        },
      },
    ])
    const [{ phrase }] = checkDefinition(overIt)
    assert.equal(
      i18nManager.locale('es').t(phrase!.key, phrase!.values),
      'Un segmento puede enumerar como máximo 10.000 valores en total; este enumera 10.001. Para conjuntos grandes de contactos, usa una lista o una etiqueta.'
    )
  })
})
