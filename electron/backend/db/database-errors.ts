/** Database problems a person can act on, in both languages. */

export type DatabaseProblem = 'damaged' | 'newer_schema' | 'not_a_database' | 'locked' | 'wrong_key' | 'key_missing' | 'key_unreadable';

/** A database problem a person can act on (damaged file, newer schema, wrong key, ...). */
export class DatabaseOpenError extends Error {
  readonly code: DatabaseProblem;
  /** The message in Chinese; null where only the English one was written. */
  readonly messageZh: string | null;
  constructor(code: DatabaseProblem, message: string, messageZh: string | null = null) {
    super(message);
    this.name = 'DatabaseOpenError';
    this.code = code;
    this.messageZh = messageZh;
  }
}
