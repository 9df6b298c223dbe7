import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import type User from '#models/user'
import { totpStepOf } from '#services/auth/two_factor/totp'

/**
 * Accepts `code` from `user`'s authenticator once: it must be right, and of
 * a later step than the last code accepted, so a code seen over a shoulder
 * or replayed does not work again. The step is claimed by one update, so two
 * requests with the same code cannot both pass.
 */
export async function useTotpCode(
  user: User,
  secret: string,
  code: string,
  client: QueryClientContract = db.connection()
) {
  const step = totpStepOf(secret, code)
  if (step === null) return false
  const claimed = await client
    .from('users')
    .where('id', user.id)
    .where((query) =>
      query.whereNull('two_factor_last_step').orWhere('two_factor_last_step', '<', step)
    )
    .update({ two_factor_last_step: step })
  return Number(Array.isArray(claimed) ? claimed[0] : claimed) > 0
}
