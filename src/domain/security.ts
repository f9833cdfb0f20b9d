import type { SecurityId } from '../core/units.js';

export type SecurityKind = 'stock' | 'index';

/** A listed security or an index, as kept in the security master. */
export interface Security {
  readonly id: SecurityId;
  readonly kind: SecurityKind;
  /** English name, e.g. `Lenovo Group`. */
  readonly name: string;
  /** Traditional Chinese name when known, e.g. `聯想集團`. */
  readonly nameZhHant?: string;
  readonly nameZhHans?: string;
  /** ISO currency, e.g. `HKD`. */
  readonly currency: string;
  /** Exchange MIC-like code, e.g. `XHKG`, `XNYS`. */
  readonly exchange: string;
  /** Issued shares, when known. */
  readonly sharesOutstanding?: number;
  /** Free-float factor in (0, 1], when known. */
  readonly freeFloatFactor?: number;
  /** Free-form attributes for universe filters (sector, theme, ...). */
  readonly attributes?: Readonly<Record<string, string | number | boolean>>;
}
