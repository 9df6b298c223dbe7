import ace from '@adonisjs/core/services/ace'

/**
 * Runs an ace command in this process, so it shares the test's database
 * transaction, and returns its exit code and output lines.
 */
export async function runCommand(name: string, args: string[]) {
  ace.ui.switchMode('raw')
  const command = await ace.exec(name, args)
  const lines = command.logger.getLogs().map((log) => log.message)
  return { exitCode: command.exitCode, lines, lastLine: lines.at(-1) }
}

/**
 * Back to printing on the console once a group's commands have run.
 */
export function restoreCommandOutput() {
  ace.ui.switchMode('normal')
}
