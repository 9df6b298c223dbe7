import { resolve } from 'node:path'
import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import env from '#start/env'
import { copyDatabase, databaseFile, defaultBackupPath } from '#services/backups/sqlite_backup'

/**
 * Copies the SQLite database to a file while the server runs; prints the
 * file's path as the last line. On MySQL, explains how to back it up
 * instead and exits 1, so a scheduled job never mistakes that for a backup.
 */
export default class Backup extends BaseCommand {
  static commandName = 'backup'
  static description = 'Copy the SQLite database to a file (safe while the server runs)'
  static options: CommandOptions = { startApp: true }

  @flags.string({ description: 'Where to write the copy (default: DATA_DIR/backups/…)' })
  declare to?: string

  async run() {
    if (env.get('DB_CONNECTION', 'sqlite') === 'mysql') {
      const database = env.get('DB_DATABASE', 'porchlight')
      this.logger.error('This instance keeps its data in MySQL: back it up with mysqldump, e.g.')
      this.logger.log(
        `  mysqldump --single-transaction --routines --triggers -h ${env.get('DB_HOST', '127.0.0.1')} ` +
          `-u ${env.get('DB_USER', 'root')} -p ${database} | gzip > ${database}-$(date +%F).sql.gz`
      )
      this.logger.log('and keep DATA_DIR (the app key, uploads) with it. See docs/self-hosting.md.')
      this.exitCode = 1
      return
    }
    const destination = resolve(this.to ?? defaultBackupPath('porchlight'))
    await copyDatabase(databaseFile, destination)
    this.logger.log(destination)
  }
}
