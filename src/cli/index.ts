export * from './check-command';
export { main, run, SUBCOMMANDS } from './main';
export type { CommandIo, Subcommand } from './io';
