/** One line for users; the stack only with --debug. */
export function formatCliError(err: unknown, debug: boolean): string {
  if (debug && err instanceof Error && err.stack) return err.stack;
  const msg = err instanceof Error ? err.message : String(err);
  return `indexwire: error: ${msg.split('\n')[0]}`;
}
