import { createHash, randomBytes } from 'node:crypto'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { clock } from '#services/clock'
import { sqlTime } from '#services/db/sql_time'

const COUNT = 10
const TABLE = 'two_factor_recovery_codes'

/**
 * Codes are 80 random bits, so a plain SHA-256 is enough to keep a stolen
 * table useless (no dictionary to try); it also lets a code be looked up.
 */
function hashCode(code: string) {
  return createHash('sha256').update(normalized(code)).digest('hex')
}

/** Typed with or without the dash, in either case. */
function normalized(code: string) {
  return code.replace(/[\s-]/g, '').toLowerCase()
}

/** "a1b2c-3d4e5": ten hex characters in two groups, easy to copy onto paper. */
function newCode() {
  const hex = randomBytes(5).toString('hex')
  return `${hex.slice(0, 5)}-${hex.slice(5)}`
}

/** Replaces all of `userId`'s recovery codes with ten new ones; returns them (shown once). */
export async function replaceRecoveryCodes(userId: number, trx: TransactionClientContract) {
  const codes = Array.from({ length: COUNT }, newCode)
  await trx.from(TABLE).where('user_id', userId).delete()
  const createdAt = sqlTime(clock.now())
  await trx
    .insertQuery()
    .table(TABLE)
    .multiInsert(
      codes.map((code) => ({ user_id: userId, code_hash: hashCode(code), created_at: createdAt }))
    )
  return codes
}

export async function removeRecoveryCodes(userId: number, trx: TransactionClientContract) {
  await trx.from(TABLE).where('user_id', userId).delete()
}

/**
 * Uses up one of `userId`'s unused recovery codes: true when `code` was one.
 * The update claims it, so two requests with the same code cannot both pass.
 */
export async function useRecoveryCode(userId: number, code: string) {
  if (!/^[0-9a-f]{10}$/.test(normalized(code))) return false
  const claimed = await db
    .from(TABLE)
    .where('user_id', userId)
    .where('code_hash', hashCode(code))
    .whereNull('used_at')
    .update({ used_at: sqlTime(clock.now()) })
  return Number(Array.isArray(claimed) ? claimed[0] : claimed) > 0
}

/** How many unused codes `userId` has left. */
export async function recoveryCodesLeft(userId: number) {
  const row = await db
    .from(TABLE)
    .where('user_id', userId)
    .whereNull('used_at')
    .count('* as total')
    .first()
  return Number(row?.total ?? 0)
}
