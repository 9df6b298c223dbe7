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
})
