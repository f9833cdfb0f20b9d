import { repairEncoding } from './repairEncoding.js';

/**
 * The text of repairEncoding: mojibake repaired only where the result is clearly more plausible.
 * @example repairMojibake('Rally â€” Update') // 'Rally — Update'
 * @throws never; text that is not mojibake is returned unchanged.
 */
export function repairMojibake(text: string): string {
  return repairEncoding(text).text;
}
