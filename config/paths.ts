import { fileURLToPath } from 'node:url'
import { isAbsolute, resolve } from 'node:path'

/**
 * DATA_DIR holds everything an instance writes: the SQLite file, the
 * generated app key, uploads and exports. Relative paths start at the app root.
 */
export function dataDir(appRoot: URL, configured = process.env.DATA_DIR) {
  const dir = configured || './storage'
  return isAbsolute(dir) ? dir : resolve(fileURLToPath(appRoot), dir)
}
