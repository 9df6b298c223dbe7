import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from '@japa/runner'
import { inspectFile, readRecords } from '#services/importer/csv_source'
import ImportFailure from '#services/importer/import_failure'

async function fileWith(content: Buffer | string) {
  const dir = await mkdtemp(join(tmpdir(), 'porchlight-csv-'))
  const path = join(dir, 'file.csv')
  await writeFile(path, content)
  return path
}

async function read(content: Buffer | string) {
  const path = await fileWith(content)
  const { format, rows } = await inspectFile(path)
  const records = []
  for await (const record of readRecords(path, format)) records.push(record)
  return { format, rows, records }
}

test.group('Importer | reading CSV files', () => {
  test('UTF-8 with a BOM and CRLF', async ({ assert }) => {
    const { format, records } = await read(
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Phone,Name\r\n1,Zoë\r\n')])
    )
    assert.equal(format.encoding, 'utf-8')
    assert.deepEqual(records, [
      { row: 1, cells: ['Phone', 'Name'] },
      { row: 2, cells: ['1', 'Zoë'] },
    ])
  })

  test('Windows-1252 is detected and converted', async ({ assert }) => {
    const { format, records } = await read(
      Buffer.from([...Buffer.from('Name\n'), 0x4a, 0x6f, 0x73, 0xe9, 0x20, 0x93, 0x78, 0x94, 0x0a])
    )
    assert.equal(format.encoding, 'windows-1252')
    assert.deepEqual(records[1].cells, ['José “x”'])
  })

  test('Windows-1252 found only far into the file still converts the whole file', async ({
    assert,
  }) => {
    const rows = Array.from({ length: 20000 }, (_, i) => `row ${i}`).join('\n')
    const { format, records } = await read(
      Buffer.concat([
        Buffer.from(`Name\n${rows}\n`),
        Buffer.from([0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72]),
      ])
    )
    assert.equal(format.encoding, 'windows-1252')
    assert.deepEqual(records.at(-1)!.cells, ['Müller'])
  })

  test('UTF-16 with its BOM (Excel’s “Unicode text”)', async ({ assert }) => {
    const body = Buffer.from('Phone\tName\r\n1\tZoë\r\n', 'utf16le')
    const { format, records } = await read(Buffer.concat([Buffer.from([0xff, 0xfe]), body]))
    assert.equal(format.encoding, 'utf-16le')
    assert.equal(format.delimiter, '\t')
    assert.deepEqual(records[1].cells, ['1', 'Zoë'])
  })

  test('the delimiter is sniffed: {$self}')
    .with([';', '\t', '|', ','])
    .run(async ({ assert }, delimiter) => {
      const { format, records } = await read(`Phone${delimiter}Name\n1${delimiter}"a, b; c"\n`)
      assert.equal(format.delimiter, delimiter)
      assert.deepEqual(records[1].cells, ['1', 'a, b; c'])
    })

  test('quoted cells span lines without shifting row numbers; blank lines take none', async ({
    assert,
  }) => {
    const { rows, records } = await read('Phone,Address\n1,"a\nb\nc"\n\n2,x\n,\n3,y')
    assert.equal(rows, 4)
    assert.deepEqual(
      records.map((r) => [r.row, r.cells[0]]),
      [
        [1, 'Phone'],
        [2, '1'],
        [3, '2'],
        [4, '3'],
      ]
    )
    assert.equal(records[1].cells[1], 'a\nb\nc')
  })

  test('{name} is refused in plain words')
    .with([
      { name: 'an empty file', content: '', reason: 'The file is empty.' },
      { name: 'blank lines only', content: '\n\n,,\n', reason: 'The file is empty.' },
      { name: 'a header alone', content: 'Phone\n', reason: 'header row but no contacts' },
      { name: 'a PDF', content: '%PDF-1.7\n', reason: 'This is a PDF' },
      {
        name: 'an old .xls',
        content: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0]),
        reason: 'Excel',
      },
      { name: 'binary data', content: Buffer.from([1, 2, 0, 4]), reason: 'not a text (CSV) file' },
      {
        name: 'an unclosed quote',
        content: 'Phone\n1\n"2\n3\n',
        reason: 'Row 3 starts a quoted cell',
      },
      {
        name: 'a row of more than a million characters',
        content: `Phone,Notes\n+14155550100,short\n+14155550101,${'x'.repeat(1_000_001)}\n`,
        reason:
          'Row 3 is longer than 1,000,000 characters, the most one row may hold. Shorten its cells (or close a quote (") left open there) and upload the file again.',
      },
      {
        name: 'a quoted cell of more than a million characters',
        content: `Phone,Notes\n+14155550100,"${'x'.repeat(1_000_001)}"\n`,
        reason: 'Row 2 is longer than 1,000,000 characters',
      },
      {
        name: 'a NUL byte in a row of text',
        content: 'Phone,Name\n+14155550100,Ann\n+14155550101,B\u0000b\n+14155550102,Cy\n',
        reason:
          'Row 3 contains a NUL character (a zero byte), which text never holds: the file may be damaged, or saved in another format. Remove it (or save the file again as CSV UTF-8) and upload the file again.',
      },
    ])
    .run(async ({ assert }, { content, reason }) => {
      const path = await fileWith(content)
      try {
        await inspectFile(path)
        assert.fail('expected the file to be refused')
      } catch (error) {
        assert.instanceOf(error, ImportFailure)
        assert.include((error as Error).message, reason)
      }
    })
})
