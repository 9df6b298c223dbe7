import { test } from '@japa/runner'
import {
  mergeFieldNames,
  renderScript,
  unknownMergeFields,
  type MergeContact,
} from '#services/scripts/merge_fields'

const organization = { name: 'Riverside Tenants Union' }
const texter = { fullName: 'Maya  Lopez' }
const contact = (overrides: Partial<MergeContact> = {}): MergeContact => ({
  firstName: 'Ana',
  lastName: 'Reyes',
  zip: '10001',
  customFields: { 'Volunteer Level': 'Captain', 'volunteer level': 'lower', 'Shift': 'Sat' },
  ...overrides,
})

test.group('Scripts | merge fields', () => {
  test('fills the built-in fields and custom fields by header', ({ assert }) => {
    const result = renderScript(
      'Hi {firstName} {lastName} ({zip}), {texterName} from {orgName}. Level: {Volunteer Level}',
      { contact: contact(), texter, organization }
    )
    assert.equal(
      result.rendered,
      'Hi Ana Reyes (10001), Maya from Riverside Tenants Union. Level: Captain'
    )
    assert.deepEqual(result.missingFields, [])
  })

  test('an exact header wins; otherwise a single header matching ignoring case', ({ assert }) => {
    assert.equal(
      renderScript('{volunteer level}', { contact: contact(), organization }).rendered,
      'lower'
    )
    assert.equal(renderScript('{shift}', { contact: contact(), organization }).rendered, 'Sat')
    // Two headers match "VOLUNTEER LEVEL" loosely: neither is picked.
    const ambiguous = renderScript('{VOLUNTEER LEVEL}', { contact: contact(), organization })
    assert.equal(ambiguous.rendered, '')
    assert.deepEqual(ambiguous.missingFields, ['VOLUNTEER LEVEL'])
  })

  test('built-in names match exactly', ({ assert }) => {
    const result = renderScript('Hi {FirstName}', { contact: contact(), organization })
    assert.deepEqual(result.missingFields, ['FirstName'])
  })

  test('a field without a value is left empty and reported once', ({ assert }) => {
    const result = renderScript('Hi {firstName}{ firstName }, {Shift} {Team}', {
      contact: contact({ firstName: '  ', customFields: null }),
      organization,
    })
    assert.equal(result.rendered, 'Hi ,  ')
    assert.deepEqual(result.missingFields, ['firstName', 'Shift', 'Team'])
  })

  test('no texter: {texterName} is missing', ({ assert }) => {
    const result = renderScript('I am {texterName}', { contact: contact(), organization })
    assert.deepEqual(result.missingFields, ['texterName'])
  })

  test('without a contact, contact fields stay as written and are not missing', ({ assert }) => {
    const result = renderScript('Hi {firstName}, {texterName} of {orgName}', {
      texter,
      organization,
    })
    assert.equal(result.rendered, 'Hi {firstName}, Maya of Riverside Tenants Union')
    assert.deepEqual(result.missingFields, [])
  })

  test('lists field names and the unknown ones with a likely meaning', ({ assert }) => {
    const body = 'Hi {firstName} {Firstname} {Shift} {shift} {Team}'
    assert.deepEqual(mergeFieldNames(body), ['firstName', 'Firstname', 'Shift', 'shift', 'Team'])
    assert.deepEqual(unknownMergeFields(body, ['Shift']), [
      { name: 'Firstname', suggestion: 'firstName' },
      { name: 'Team', suggestion: undefined },
    ])
  })
})
