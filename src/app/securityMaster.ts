import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cachedFileLoader } from './cachedFileLoader.js';
import { EntityLinker } from '../news/link/EntityLinker.js';
import { parseSecurityMaster } from '../news/link/parseSecurityMaster.js';
import { cachedParse } from './parseCache.js';
import type { SecurityMaster } from '../news/link/securityMasterSchema.js';

export type { SecurityMaster, MasterSecurity } from '../news/link/securityMasterSchema.js';

/** The master shipped with Indexwire: `data/securities.yaml` at the repository root. */
export const DEFAULT_SECURITY_MASTER_PATH = resolve(dirname(fileURLToPath(import.meta.url)), '../../data/securities.yaml');

const readMaster = cachedFileLoader('security master',
  (text, path) => cachedParse('security-master', text, () => parseSecurityMaster(text, path)));

/**
 * Reads and validates a security master file (cached per path for the life of the process, and as parsed JSON by
 * the compiled CLI: parseCache.ts).
 * @throws SourceError when the file cannot be read; ConfigError (file, line, field) when it is invalid.
 */
export function loadSecurityMaster(path: string = DEFAULT_SECURITY_MASTER_PATH): SecurityMaster {
  return readMaster(path);
}

/** An entity linker over the master at `path` (built once per call; keep it for many articles). */
export function createEntityLinker(path: string = DEFAULT_SECURITY_MASTER_PATH): EntityLinker {
  return new EntityLinker(loadSecurityMaster(path));
}

/** Display name of a security id, or the id itself when the master does not know it. */
export function securityName(master: SecurityMaster, id: string): string {
  return master.securities.find((s) => s.id === id)?.name ?? id;
}
