/** Why publishing stopped: `refused` (the input or the site is not fit, exit 1) or `failed` (exit 2). */
export class PublishError extends Error {
  constructor(
    message: string,
    readonly kind: 'refused' | 'failed',
  ) {
    super(message);
    this.name = 'PublishError';
  }
}

/** Stops publishing because the input or the site is not fit (exit 1). */
export function refuse(message: string): never {
  throw new PublishError(message, 'refused');
}
