import { test } from '@japa/runner'
import { planColumns } from '#services/importer/columns'
import { normalizeZip } from '#services/importer/normalize'
import { safeCell } from '#services/importer/error_report'
import ImportFailure from '#services/importer/import_failure'

const targets = (headers: string[], mapping = null as any) =>
  planColumns(headers, mapping).map((column) =>
    column.target.kind === 'field'
      ? column.target.field
      : column.target.kind === 'custom'
        ? `custom:${column.target.key}`
        : 'ignore'
  )

test.group('Importer | column detection', () => {
  test('headers match known fields whatever their case, spaces or underscores', ({ assert }) => {
    assert.deepEqual(
      targets([
        'FNAME',
        'last_name',
        'Cell Phone',
        'Zip_Code',
        'E-mail',
        'VAN ID',
        'Volunteer Level',
      ]),
      ['firstName', 'lastName', 'phone', 'zip', 'email', 'externalId', 'custom:Volunteer Level']
    )
    assert.deepEqual(targets(['first name', 'PHONE NUMBER', 'postal code', 'External Id']), [
      'firstName',
      'phone',
      'zip',
      'externalId',
    ])
    assert.deepEqual(targets(['mobile', 'firstname']), ['phone', 'firstName'])
  })

  test('the first matching column wins; later ones are custom fields', ({ assert }) => {
    assert.deepEqual(targets(['Cell', 'Phone']), ['phone', 'custom:Phone'])
  })

  test('a mapping overrides detection, can empty a field and leave columns out', ({ assert }) => {
    assert.deepEqual(
      targets(['Name', 'Phone', 'Text Me At', 'Email', 'SSN'], {
        phone: 'text me at',
        firstName: 'Name',
        email: null,
        ignore: ['SSN'],
      }),
      ['firstName', 'custom:Phone', 'phone', 'custom:Email', 'ignore']
    )
  })

  test('no phone column, or a mapping naming a missing column, is refused', ({ assert }) => {
    assert.throws(() => planColumns(['Name', 'Email']), /could not find a column of phone numbers/)
    assert.throws(() => planColumns(['Phone'], { phone: 'Mobile' }), ImportFailure)
  })
})

test.group('Importer | values', () => {
  test('ZIP codes: ZIP+4 is cut, dropped leading zeros restored, other postcodes kept', ({
    assert,
  }) => {
    assert.equal(normalizeZip('42101-1234'), '42101')
    assert.equal(normalizeZip('2108'), '02108')
    assert.equal(normalizeZip('601'), '00601')
    assert.equal(normalizeZip('SW1A 1AA'), 'SW1A 1AA')
    assert.isNull(normalizeZip(' '))
  })

  test('report cells cannot run as spreadsheet formulas', ({ assert }) => {
    assert.equal(safeCell('=HYPERLINK("x")'), `"'=HYPERLINK(""x"")"`)
    assert.equal(safeCell('+1 415'), "'+1 415")
    assert.equal(safeCell('-2'), "'-2")
    assert.equal(safeCell('@SUM(A1)'), "'@SUM(A1)")
    assert.equal(safeCell('\tx'), "'\tx")
    assert.equal(safeCell('\rx'), `"'\rx"`)
    assert.equal(safeCell('a, b'), '"a, b"')
    assert.equal(safeCell(12), '12')
  })
})
