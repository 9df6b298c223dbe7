import { test } from '@japa/runner'
import { preview } from '#services/scripts/preview'
import { gsmSuggestion, substituteNonGsm } from '#services/scripts/substitutes'
import type { MergeContact } from '#services/scripts/merge_fields'

const organization = { name: 'Riverside Tenants Union' }
const GOOD =
  'Hi {firstName}, it is {texterName} with {orgName}. Rent strike vote Sat! Reply STOP to opt out'
const ana: MergeContact = { firstName: 'Ana', lastName: null, zip: null, customFields: {} }
const codes = (body: string, extra: Partial<Parameters<typeof preview>[0]> = {}) =>
  preview({ body, organization, contact: ana, texter: { fullName: 'Maya' }, ...extra }).lints.map(
    (lint) => lint.code
  )

test.group('Scripts | preview', () => {
  test('renders, encodes and counts the text the contact gets', ({ assert }) => {
    const result = preview({ body: GOOD, contact: ana, texter: { fullName: 'Maya' }, organization })
    const rendered =
      'Hi Ana, it is Maya with Riverside Tenants Union. Rent strike vote Sat! Reply STOP to opt out'
    assert.deepEqual(result, {
      rendered,
      encoding: 'GSM-7',
      segments: 1,
      characters: rendered.length,
      missingFields: [],
      nonGsmCharacters: [],
      lints: [],
    })
  })

  test('counts what the merged text costs: a long name crosses into a second segment', ({
    assert,
  }) => {
    const body = `${'x'.repeat(150)} {firstName}`
    assert.equal(preview({ body, contact: ana, organization, firstMessage: false }).segments, 1)
    const long = { ...ana, firstName: 'Bartholomew' }
    const result = preview({ body, contact: long, organization, firstMessage: false })
    assert.equal(result.characters, 162)
    assert.equal(result.segments, 2)
  })

  test('a contact name with a non-GSM letter switches the text to UCS-2', ({ assert }) => {
    const result = preview({
      body: 'Hola {firstName}',
      contact: { ...ana, firstName: 'Ramón' },
      organization,
      firstMessage: false,
    })
    assert.equal(result.encoding, 'UCS-2')
    assert.deepEqual(result.nonGsmCharacters, [{ char: 'ó', suggestion: 'o' }])
    assert.deepEqual(
      result.lints.map((lint) => lint.code),
      ['non_gsm_characters']
    )
  })

  test('curly quotes, dashes, ellipses and odd spaces have GSM-7 stand-ins', ({ assert }) => {
    const body = '“We’re in” – Riverside Tenants Union…\u00A0Reply STOP'
    const result = preview({ body, organization })
    assert.equal(result.encoding, 'UCS-2')
    assert.deepEqual(result.nonGsmCharacters, [
      { char: '“', suggestion: '"' },
      { char: '’', suggestion: "'" },
      { char: '”', suggestion: '"' },
      { char: '–', suggestion: '-' },
      { char: '…', suggestion: '...' },
      { char: '\u00A0', suggestion: ' ' },
    ])
    const fixed = substituteNonGsm(body)
    assert.equal(fixed, '"We\'re in" - Riverside Tenants Union... Reply STOP')
    assert.equal(preview({ body: fixed, organization }).encoding, 'GSM-7')
  })

  test('emoji have no stand-in; zero-width spaces are removed', ({ assert }) => {
    assert.isNull(gsmSuggestion('🙂'))
    assert.equal(gsmSuggestion('\u200B'), '')
    assert.equal(substituteNonGsm('Hi\u200B 🙂'), 'Hi 🙂')
  })

  test('a first message without opt-out wording is flagged', ({ assert }) => {
    assert.include(codes('Hi from {orgName}'), 'missing_opt_out')
    for (const wording of [
      'Reply STOP to end',
      'text stop',
      'Opt out: reply',
      'Unsubscribe anytime',
    ]) {
      assert.notInclude(codes(`{orgName}: ${wording}`), 'missing_opt_out', wording)
    }
    assert.notInclude(codes('Hi from {orgName}', { firstMessage: false }), 'missing_opt_out')
  })

  test('a first message without the organization name is flagged', ({ assert }) => {
    assert.include(codes('Hi, reply STOP to opt out'), 'missing_org_name')
    assert.notInclude(codes('Hi from riverside tenants union, reply STOP'), 'missing_org_name')
    assert.notInclude(codes('Hi from {orgName}, reply STOP'), 'missing_org_name')
    assert.notInclude(codes('Hi', { firstMessage: false }), 'missing_org_name')
  })

  test('links are flagged, and shorteners carriers filter are named', ({ assert }) => {
    const body = (link: string) => `{orgName}: see ${link} Reply STOP`
    assert.deepEqual(codes(body('https://riverside.org/vote')), ['link'])
    assert.deepEqual(codes(body('riverside.org/vote')), ['link'])
    assert.deepEqual(codes(body('www.riverside.org')), ['link'])
    assert.deepEqual(codes(body('https://bit.ly/3xYz')), ['link', 'url_shortener'])
    assert.deepEqual(codes(body('tinyurl.com/abc')), ['link', 'url_shortener'])
    const lint = preview({ body: body('bit.ly/3xYz'), organization }).lints[1]
    assert.match(lint.message, /bit\.ly/)
    assert.deepEqual(codes('{orgName}: meet at 5.30 Sat. Reply STOP'), [])
  })

  test('unknown merge field names are flagged when the headers are known', ({ assert }) => {
    const body = '{orgName}: hi {Firstname}, {Shift} {Team}. Reply STOP'
    const result = preview({ body, organization, customFieldNames: ['Shift'] })
    assert.deepEqual(
      result.lints.map((lint) => lint.message),
      [
        '{Firstname} is not a merge field; did you mean {firstName}?',
        '{Team} is neither a built-in merge field nor a column of your contacts.',
      ]
    )
    // The contact's own headers count as known.
    const withContact = preview({
      body,
      organization,
      customFieldNames: ['Shift'],
      contact: { ...ana, customFields: { Team: 'North' } },
    })
    assert.deepEqual(
      withContact.lints.map((lint) => lint.code),
      ['unknown_merge_field']
    )
  })
})
