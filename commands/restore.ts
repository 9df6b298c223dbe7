import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { BaseCommand, args } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import env from '#start/env'
import {
  copyDatabase,
  databaseFile,
  defaultBackupPath,
  problemWith,
  serverIsRunning,
} from '#services/backups/sqlite_backup'

/**
 * Puts a backup made by `node ace backup` back in place of the SQLite
 * database. The server must be stopped; the database being replaced is
 * kept as a backup first. The next start migrates it if it is older.
 */
export default class Restore extends BaseCommand {
  static commandName = 'restore'
  static description = 'Replace the SQLite database with a backup (stop the server first)'
  static options: CommandOptions = { startApp: true }

  @args.string({ description: 'The backup file' })
  declare file: string

  async run() {
    if (env.get('DB_CONNECTION', 'sqlite') === 'mysql') {
      this.logger.error('This instance keeps its data in MySQL: restore a mysqldump with `mysql`.')
      this.exitCode = 1
      return
    }
    const source = resolve(this.file)
    const problem = problemWith(source)
    if (problem) return this.#refuse(problem)
    if (await serverIsRunning(env.get('HOST', 'localhost'), env.get('PORT', 3333))) {
      return this.#refuse('Porchlight is running on this machine: stop it, then restore.')
    }

    const kept = existsSync(databaseFile) ? defaultBackupPath('before-restore') : null
    if (kept) {
      await copyDatabase(databaseFile, kept)
      this.logger.info(`The database it replaces is kept in ${kept}`)
    }
    await copyDatabase(source, databaseFile)
    this.logger.success(`Restored ${source}`)
  }

  #refuse(reason: string) {
    this.logger.error(reason)
    this.exitCode = 1
  }
}
