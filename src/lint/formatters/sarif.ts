import { relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ruleDocsUrl } from '../docs.js';
import type { Formatter } from '../types.js';

/** SARIF 2.1.0 for GitHub code scanning: every rule described (stable ids), URIs relative to the repository root. */
export const sarif: Formatter = (results, options) => {
  const root = options.root ?? options.cwd;
  const rules = [...(options.rules ?? [])];
  const known = new Set(rules.map((r) => r.id));
  for (const id of new Set(results.flatMap((r) => r.messages.map((m) => m.ruleId)))) {
    if (!known.has(id)) rules.push({ id, description: id, defaultLevel: 'error' });
  }
  const indexOf = new Map(rules.map((r, i) => [r.id, i]));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'postmortem',
            informationUri: ruleDocsUrl('', options.docsUrl),
            ...(options.toolVersion ? { version: options.toolVersion, semanticVersion: options.toolVersion } : {}),
            rules: rules.map((r) => ({
              id: r.id,
              name: r.id.replace(/(^|-)([a-z])/g, (_m, _d, ch: string) => ch.toUpperCase()),
              shortDescription: { text: r.description },
              helpUri: ruleDocsUrl(r.id, options.docsUrl),
              defaultConfiguration: {
                level: r.defaultLevel === 'warn' ? 'warning' : r.defaultLevel === 'off' ? 'none' : 'error',
              },
            })),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(root).href.replace(/\/?$/, '/') } },
        results: results.flatMap((result) => {
          const uri = relative(root, result.filePath).split(sep).map(encodeURIComponent).join('/');
          return result.messages.map((m) => ({
            ruleId: m.ruleId,
            ruleIndex: indexOf.get(m.ruleId),
            level: m.severity === 2 ? 'error' : 'warning',
            message: { text: m.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri, uriBaseId: '%SRCROOT%' },
                  region: {
                    startLine: m.line,
                    startColumn: m.column,
                    ...(m.endLine !== undefined ? { endLine: m.endLine } : {}),
                    ...(m.endColumn !== undefined ? { endColumn: m.endColumn } : {}),
                  },
                },
              },
            ],
          }));
        }),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};
