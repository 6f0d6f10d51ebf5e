// The error kinds live in the model so that core code can throw them; commands import them from here.
export {
  InputError,
  InterruptedError,
  PostmortemError,
  ProblemsError,
  RuntimeError,
  UsageError,
} from '../model/errors.js';
