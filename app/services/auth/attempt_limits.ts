import limiter from '@adonisjs/limiter/services/main'
import type { Limiter } from '@adonisjs/limiter'
import TooManyAttemptsException from '#exceptions/too_many_attempts_exception'

type Counter = { limiter: Limiter; key: string }

/**
 * Failed sign-ins are counted twice: per email and address, which stops a
 * script guessing one account's password without locking its owner out from
 * elsewhere; and per address across every email, which stops one address
 * trying a few passwords on many accounts. A whole office behind one address
 * still gets 30 mistakes per quarter hour. A success clears only its own
 * email's count, so signing in to one's own account does not buy more guesses.
 * (A second factor, when there is one, gets the same two counters; see
 * limitSecondFactor.)
 */
const signInPerAccount = limiter.use({ requests: 5, duration: '1 min', blockDuration: '5 mins' })
const signInPerAddress = limiter.use({
  requests: 30,
  duration: '15 mins',
  blockDuration: '15 mins',
})

/**
 * Reset emails are limited per address, so the form cannot flood someone's
 * inbox, and more loosely per client address.
 */
const resetsPerEmail = limiter.use({ requests: 3, duration: '15 mins' })
const resetsPerAddress = limiter.use({ requests: 30, duration: '15 mins' })

/** Seconds until every exhausted counter has room again; 0 when none is exhausted. */
async function waitFor(counters: Counter[]) {
  const responses = await Promise.all(counters.map((c) => c.limiter.get(c.key)))
  const waits = responses.filter((r) => r && r.remaining <= 0).map((r) => r!.availableIn)
  return Math.max(0, ...waits)
}

async function count(counters: Counter[]) {
  for (const { limiter: counter, key } of counters) {
    const { consumed, limit } = await counter.increment(key)
    if (consumed >= limit && counter.blockDuration) await counter.block(key, counter.blockDuration)
  }
}

/**
 * Runs `verify` (the password check) unless this email or address has failed
 * too often; counts its failure. Throws TooManyAttemptsException when refused.
 */
export async function limitSignIn<T>(email: string, address: string, verify: () => Promise<T>) {
  const perAccount = { limiter: signInPerAccount, key: `login_${email}_${address}` }
  const counters = [perAccount, { limiter: signInPerAddress, key: `login_ip_${address}` }]
  const wait = await waitFor(counters)
  if (wait > 0) throw new TooManyAttemptsException('signIns', wait)
  try {
    const result = await verify()
    await signInPerAccount.delete(perAccount.key)
    return result
  } catch (failure) {
    await count(counters)
    throw failure
  }
}

/**
 * The second step of a sign-in (a TOTP or recovery code), under the same
 * limits as the password: a wrong code counts against the address, and
 * against the account from that address under its own key, which a correct
 * password does not clear (re-entering the password buys no more guesses).
 * `verify` returns false for a wrong code. Throws TooManyAttemptsException
 * when refused, even for a right code.
 */
export async function limitSecondFactor(
  email: string,
  address: string,
  verify: () => Promise<boolean>
) {
  const perAccount = { limiter: signInPerAccount, key: `login_2fa_${email}_${address}` }
  const counters = [perAccount, { limiter: signInPerAddress, key: `login_ip_${address}` }]
  const wait = await waitFor(counters)
  if (wait > 0) throw new TooManyAttemptsException('signIns', wait)
  if (await verify()) {
    await signInPerAccount.delete(perAccount.key)
    return true
  }
  await count(counters)
  return false
}

/** Counts a reset request; throws TooManyAttemptsException when refused. */
export async function limitResetRequest(email: string, address: string) {
  const counters = [
    { limiter: resetsPerEmail, key: `reset_${email}` },
    { limiter: resetsPerAddress, key: `reset_ip_${address}` },
  ]
  const wait = await waitFor(counters)
  if (wait > 0) throw new TooManyAttemptsException('resets', wait)
  await count(counters)
}
