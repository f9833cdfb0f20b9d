/**
 * Polls `condition` every `stepMs` until it holds. The bound is generous (default 60 s of wall time) so a
 * loaded CI machine only makes a test slower, never red; a condition that never holds fails with `what`.
 * @throws Error naming `what` when the condition still fails after `maxWaitMs`.
 */
export async function waitUntil(condition: () => boolean | Promise<boolean>, what: string, o: { stepMs?: number; maxWaitMs?: number } = {}): Promise<void> {
  const stepMs = o.stepMs ?? 10;
  const deadline = Date.now() + (o.maxWaitMs ?? 60_000);
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, stepMs));
  }
}
