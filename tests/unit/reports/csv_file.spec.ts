import { test } from '@japa/runner'
import { readFile, rm } from 'node:fs/promises'
import { absoluteExportPath, CsvFile } from '#services/exports/csv_file'

/** Writes `lines` as an export does (awaiting a write only when it asks to be awaited). */
async function written(file: CsvFile, lines: string[], header?: string[]) {
  await file.open()
  for (const line of lines) await file.write(line)
  await file.close(header)
  const path = absoluteExportPath(file.relativePath)
  const text = await readFile(path, 'utf8')
  await rm(path)
  return text
}

test.group('Export CSV file', () => {
  test('lines that fill, cross and overflow its buffers come out whole and in order', async ({
    assert,
  }) => {
    // 16-byte buffers: most lines cross one, one line is longer than a buffer.
    const lines = [
      '"1","a"\r\n',
      '"2","é ü"\r\n',
      '"3","€€€€"\r\n',
      `"4","${'x'.repeat(40)}"\r\n`,
      '"5","🙂"\r\n',
      '"6",""\r\n',
      ...Array.from({ length: 50 }, (_, index) => `"${index + 7}","ß"\r\n`),
    ]
    assert.equal(await written(new CsvFile(16), lines), lines.join(''))
  })

  test('a header known only at the end comes first', async ({ assert }) => {
    const lines = ['"1","Ann"\r\n', '"2","Bo"\r\n']
    assert.equal(
      await written(new CsvFile(8), lines, ['id', 'name']),
      `"id","name"\r\n${lines.join('')}`
    )
  })
})
