import type { MemberContribution, MemberMove, WhyRole } from './whyTypes.js';

/**
 * The session's top movers: members ranked by the size of their close-to-close move, either way.
 * Ties keep the input order.
 * @example rankMovers([{symbol:'A',name:'A',changePct:2},{symbol:'B',name:'B',changePct:-5}], 1) // [B]
 */
export function rankMovers(moves: readonly MemberMove[], top: number): MemberMove[] {
  return [...moves].sort((a, b) => Math.abs(b.changePct) - Math.abs(a.changePct)).slice(0, top);
}

/**
 * The biggest contributors: members ranked by the size of the points they added or took away. Ties keep the input order.
 * @example rankContributors([{symbol:'A',contributionPoints:-3,...},{symbol:'B',contributionPoints:2,...}], 1) // [A]
 */
export function rankContributors(cs: readonly MemberContribution[], top: number): MemberContribution[] {
  return [...cs].sort((a, b) => Math.abs(b.contributionPoints) - Math.abs(a.contributionPoints)).slice(0, top);
}

/** Each explained security with its roles: movers first (in their order), then contributors not already movers. */
export function whyRoles(movers: readonly MemberMove[], contributors: readonly MemberContribution[] | null): Map<string, WhyRole[]> {
  const roles = new Map<string, WhyRole[]>();
  for (const m of movers) roles.set(m.symbol, ['mover']);
  for (const c of contributors ?? []) roles.set(c.symbol, [...(roles.get(c.symbol) ?? []), 'contributor']);
  return roles;
}
