import { test } from '@japa/runner'
import { csvLine, safeCell } from '#services/exports/spreadsheet_csv'

test.group('Spreadsheet-safe CSV', () => {
  test('cells a spreadsheet would run as a formula become text', ({ assert }) => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) {
      assert.equal(safeCell(`${start}1+1`), `"'${start}1+1"`)
    }
  })

  test('other cells are quoted as they are', ({ assert }) => {
    assert.equal(safeCell('Ann "Nan" Lee'), '"Ann ""Nan"" Lee"')
    assert.equal(safeCell('a,b\nc'), '"a,b\nc"')
    assert.equal(safeCell(42), '"42"')
    assert.equal(safeCell(null), '""')
    assert.equal(csvLine(['x', null, 'y=1']), '"x","","y=1"\r\n')
  })
})
