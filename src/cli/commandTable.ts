import type { CommandEntry } from './command.js';

/**
 * Every `indexwire` command, in the order `indexwire --help` lists them. Adding a command is one line here:
 *
 *     { name: 'desk', load: () => import('./commands/desk.js') },
 *
 * `name` is the first word a user types (a group such as `news` may have several entries: each module adds its
 * subcommands to the group); `load` imports the module in `commands/` that defines it, only when that name is
 * on the command line (or for the full `--help`).
 *
 * A command module is light, because `indexwire --help` and `indexwire CMD --help` load it: it exports
 * `register(program)` (name, arguments, options, help text and an action), and imports statically only
 * commander's types, `../output.js`, `src/core/`, types, and `src/app/defaults.ts`. Whatever the command runs
 * (app/, server/, DuckDB, charts...) is imported inside its action with `await import('../../app/x.js')`:
 * the build puts everything one command file imports that way into one bundle of its own (dist/<build>/run/),
 * loaded only when the action runs. `npm run lint:layers` rejects a static import of app/ or server/ from cli/.
 */
export const COMMANDS: readonly CommandEntry[] = [
  { name: 'desk', load: () => import('./commands/desk.js') },
  { name: 'event-study', load: () => import('./commands/eventStudy.js') },
  { name: 'import', load: () => import('./commands/import.js') },
  { name: 'index', load: () => import('./commands/index.js') },
  { name: 'live-worker', load: () => import('./commands/liveWorker.js') },
  { name: 'live', load: () => import('./commands/live.js') },
  { name: 'milestones', load: () => import('./commands/milestones.js') },
  { name: 'movers', load: () => import('./commands/movers.js') },
  { name: 'news', load: () => import('./commands/news.js') },
  { name: 'news', load: () => import('./commands/newsEntities.js') },
  { name: 'news', load: () => import('./commands/newsList.js') },
  { name: 'news', load: () => import('./commands/newsPublish.js') },
  { name: 'news', load: () => import('./commands/newsRepair.js') },
  { name: 'news', load: () => import('./commands/newsWhy.js') },
  { name: 'replay', load: () => import('./commands/replay.js') },
  { name: 'serve', load: () => import('./commands/serve.js') },
  { name: 'site', load: () => import('./commands/site.js') },
  { name: 'start', load: () => import('./commands/start.js') },
  { name: 'story', load: () => import('./commands/story.js') },
];
