const ER_LOCK_DEADLOCK = 1213

/**
 * Runs `work` again when MySQL/MariaDB chose it as a deadlock victim (its
 * transaction was rolled back whole, so running it again is safe); any other
 * error, or a fifth deadlock, is thrown.
 */
export async function retryDeadlocks<T>(work: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work()
    } catch (error) {
      if (attempt >= attempts || (error as { errno?: number }).errno !== ER_LOCK_DEADLOCK) {
        throw error
      }
    }
  }
}
