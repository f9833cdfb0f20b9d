import { IndexwireError } from '../../core/errors.js';
import type { SessionDate } from '../../core/units.js';
import type { Bar } from '../../domain/bar.js';
import type { MemberContribution, MemberMove } from '../../news/why/whyTypes.js';

/** A member's close-to-close move on `on` from its bars (oldest first), or null without a session before it. */
export function memberMoveOn(symbol: string, name: string, bars: readonly Bar[], on: SessionDate): MemberMove | null {
  const k = bars.findIndex((b) => b.date === on);
  if (k < 1) return null;
  return { symbol, name, changePct: (bars[k]!.close / bars[k - 1]!.close - 1) * 100 };
}

interface ReplicaSession {
  readonly constituents: ReadonlyArray<{ readonly symbol: string; readonly contributionPoints: number; readonly weight: number; readonly change: number }>;
}

/**
 * The replica's point contributions on `on` and the note that says where they come from (or why there are none).
 * `sessionOn` builds the engine's session from the methodology (files or store); a project error becomes the note.
 */
export async function replicaContributions(
  methodologyPath: string | undefined,
  on: SessionDate,
  nameOf: (symbol: string) => string,
  sessionOn: (methodologyPath: string) => Promise<ReplicaSession | null | undefined>,
): Promise<{ contributions: MemberContribution[] | null; contributorsNote: string }> {
  if (methodologyPath === undefined) return { contributions: null, contributorsNote: 'no methodology file: pass --methodology to get contributions' };
  try {
    const s = await sessionOn(methodologyPath);
    if (!s) return { contributions: null, contributorsNote: `the engine built no session on ${on}` };
    return {
      contributions: s.constituents.map((c) => ({ symbol: c.symbol, name: nameOf(c.symbol), contributionPoints: c.contributionPoints, weight: c.weight, changePct: c.change * 100 })),
      contributorsNote: `points of the replica index built from ${methodologyPath} (not the official index's points)`,
    };
  } catch (e) {
    if (!(e instanceof IndexwireError)) throw e;
    return { contributions: null, contributorsNote: `contributions unavailable: ${e.message.split('\n')[0]}` };
  }
}
