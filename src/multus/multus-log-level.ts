/** Multus log levels, least to most verbose. */
export enum MultusLogLevel {
  /** Panics only. */
  PANIC = 'panic',
  /** Errors. */
  ERROR = 'error',
  /** Errors and progress. */
  VERBOSE = 'verbose',
  /** Everything. */
  DEBUG = 'debug',
}
