import { PostmortemError } from '../model/errors.js';

/**
 * Why publishing stopped: the input or the site is not fit (kind `input`, exit 1), or git failed
 * (kind `runtime`, exit 2).
 */
export class PublishError extends PostmortemError {
  constructor(message: string, kind: 'input' | 'runtime') {
    super(message, kind);
  }
}

/** Stops publishing because the input or the site is not fit (exit 1). */
export function refuse(message: string): never {
  throw new PublishError(message, 'input');
}
