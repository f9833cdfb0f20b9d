/** Stream, subject and consumer names of one scale-out deployment (a prefix keeps deployments apart). */
export interface NatsNames {
  readonly prefix: string;
  tickStream(partition: number): string;
  tickSubject(partition: number): string;
  tickDurable(partition: number): string;
  readonly partialStream: string;
  partialSubject(index: string): string;
  readonly levelStream: string;
  levelSubject(index: string): string;
  readonly aggregatorDurable: string;
  /** Story versions of the live story desk (`stories.<index>`, Msg-Id `<slug>:v<version>`). */
  readonly storyStream: string;
  storySubject(index: string): string;
}

/**
 * Names for prefix `IW`: streams `IW_TICKS_P0..`, `IW_PARTIALS`, `IW_LEVELS`, `IW_STORIES`; subjects `iw.ticks.p0`,
 * `iw.partials.HSTECH`, `iw.levels.HSTECH`, `iw.stories.HSTECH`; durable consumers `calc-p0..` and `aggregator`.
 */
export function natsNames(prefix = 'IW'): NatsNames {
  const p = prefix.toUpperCase();
  const s = prefix.toLowerCase();
  return {
    prefix: p,
    tickStream: (k) => `${p}_TICKS_P${k}`,
    tickSubject: (k) => `${s}.ticks.p${k}`,
    tickDurable: (k) => `calc-p${k}`,
    partialStream: `${p}_PARTIALS`,
    partialSubject: (ix) => `${s}.partials.${ix}`,
    levelStream: `${p}_LEVELS`,
    levelSubject: (ix) => `${s}.levels.${ix}`,
    aggregatorDurable: 'aggregator',
    storyStream: `${p}_STORIES`,
    storySubject: (ix) => `${s}.stories.${ix}`,
  };
}
