export * from './check-command';
