/**
 * Rule `frontmatter-schema` (default: error)
 *
 * What: the front matter exists, is valid YAML (never a script), and holds the keys, types and
 * values of FORMAT v1: `id`, `title`, `status`, `severity`, `authors`, `services`, `started`,
 * `detected`, `impact` (with `customers_affected` and `data_loss`), well-formed `root_causes` and `notice`.
 * Problems that stop the file from being read at all (empty or binary file, missing or unclosed
 * front matter, invalid YAML, duplicate keys, alias bombs, `---js`) are reported under this id too.
 *
 * Why: every other command computes with these facts; a typo in `severity` or a missing `impact`
 * silently breaks stats, notices and publishing.
 *
 * How to fix: add the missing key or correct the value as the message says.
 *
 * Examples:
 *   not ok:  severity: high          ->  Expected `severity` to be one of SEV1, SEV2, SEV3, SEV4, found "high".
 *   ok:      severity: SEV2
 */
import { modelRule } from '../model-rule.js';

/** The `frontmatter-schema` rule. */
export default modelRule('frontmatter-schema', 'Front matter has the keys, types and values of FORMAT v1.');
