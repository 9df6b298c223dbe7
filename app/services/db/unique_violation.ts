/**
 * Whether a database error is a unique-constraint violation, on SQLite or
 * MySQL/MariaDB. Inserts that race each other (two processes recording the
 * same opt-out, a webhook delivered twice) treat this as "already there".
 */
export function isUniqueViolation(error: unknown) {
  const code = (error as { code?: string } | null)?.code
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'ER_DUP_ENTRY'
}
