// Preloaded with `node --import`: records every module URL the CLI resolves, to prove lazy loading.
import { register } from 'node:module';

register('./record-imports-hooks.mjs', import.meta.url);
