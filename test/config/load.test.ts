import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/load.js';
import { tempDir } from '../helpers/cli.js';

let dir: string;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ dir, cleanup } = await tempDir('postmortem-config-'));
});
afterAll(async () => cleanup());

describe('loadConfig', () => {
  it('finds .postmortemrc.json upwards and normalises numeric severities', async () => {
    await mkdir(join(dir, 'a/b/c'), { recursive: true });
    await writeFile(
      join(dir, 'a/.postmortemrc.json'),
      JSON.stringify({ rules: { 'section-order': 0, 'blameless-language': [2, { words: ['x'] }] } }),
    );
    const loaded = await loadConfig({ cwd: join(dir, 'a/b/c') });
    expect(loaded).toEqual({
      path: join(dir, 'a/.postmortemrc.json'),
      config: { rules: { 'section-order': 'off', 'blameless-language': ['error', { words: ['x'] }] } },
    });
  });

  it('reads the postmortem key of package.json and skips package.json files without one', async () => {
    await mkdir(join(dir, 'p/q'), { recursive: true });
    await writeFile(join(dir, 'p/package.json'), JSON.stringify({ postmortem: { categories: ['vendor'] } }));
    await writeFile(join(dir, 'p/q/package.json'), JSON.stringify({ name: 'q' }));
    expect(await loadConfig({ cwd: join(dir, 'p/q') })).toEqual({
      path: join(dir, 'p/package.json'),
      config: { categories: ['vendor'] },
    });
  });

  it.each([
    [{ rules: { x: 'loud' } }, 'rules.x'],
    [{ rules: { x: ['error', 3] } }, 'rules.x[1]'],
    [{ categories: 'one' }, 'categories'],
    [{ internalPatterns: ['('] }, 'internalPatterns[0]'],
    [{ colour: true }, 'colour'],
    [{ ignores: 'README.md' }, 'ignores'],
    [{ ignores: [''] }, 'ignores[0]'],
    [{ notice: 'Relata' }, 'notice'],
    [{ notice: { colour: 'red' } }, 'notice.colour'],
    [{ notice: { company: 3 } }, 'notice.company'],
    [{ notice: { timezone: 'Mars/Olympus_Mons' } }, 'notice.timezone'],
    [{ notice: { timezone: 'MESZ' } }, 'notice.timezone'],
    [{ notice: { signature: 'Your team' } }, 'notice.signature'],
    [{ notice: { signature: { it: 'Il team' } } }, 'notice.signature.it'],
    [{ notice: { timezone: { de: 'Mars/Base' } } }, 'notice.timezone.de'],
    [{ notice: { timezone: { it: 'Europe/Rome' } } }, 'notice.timezone.it'],
    [{ notice: { locale: { en: 'de-CH' } } }, 'notice.locale.en'],
    [{ notice: { locale: { de: 'german' } } }, 'notice.locale.de'],
    [{ notice: { signature: { en: '' } } }, 'notice.signature.en'],
    [{ notice: { services: ['crm-web'] } }, 'notice.services'],
    [{ notice: { services: { 'crm-web': 'CRM' } } }, 'notice.services.crm-web'],
    [{ notice: { services: { 'crm-web': { en: 7 } } } }, 'notice.services.crm-web.en'],
  ])('rejects %j naming the key %s', async (config, key) => {
    const file = join(dir, `bad-${key.replace(/\W/g, '')}.json`);
    await writeFile(file, JSON.stringify(config));
    const error = await loadConfig({ cwd: dir, configPath: file }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toContain(file);
    expect((error as Error).message).toContain(`\`${key}\``);
  });

  it('names the line and column of the wrong value, the unknown key and a slow pattern', async () => {
    const text = '{\n  "notice": {\n    "company": "Relata",\n    "timezone": "Mars/Base"\n  }\n}\n';
    await writeFile(join(dir, 'at-value.json'), text);
    await expect(loadConfig({ cwd: dir, configPath: 'at-value.json' })).rejects.toThrow(
      `${join(dir, 'at-value.json')}:4:17: \`notice.timezone\`: expected an IANA time zone`,
    );
    await writeFile(join(dir, 'at-key.json'), '{"categories": ["a"],\n "colour": true}');
    await expect(loadConfig({ cwd: dir, configPath: 'at-key.json' })).rejects.toThrow(
      `${join(dir, 'at-key.json')}:2:2: \`colour\`: expected one of the keys`,
    );
    await writeFile(join(dir, 'at-pattern.json'), '{\n  "internalPatterns": [\n    "ok",\n    "(a+)+$"\n  ]\n}');
    await expect(loadConfig({ cwd: dir, configPath: 'at-pattern.json' })).rejects.toThrow(
      `${join(dir, 'at-pattern.json')}:4:5: \`internalPatterns[1]\`: expected a pattern that cannot backtrack`,
    );
    await mkdir(join(dir, 'pkg'), { recursive: true });
    await writeFile(join(dir, 'pkg/package.json'), '{\n  "name": "x",\n  "postmortem": { "ignores": [7] }\n}');
    await expect(loadConfig({ cwd: join(dir, 'pkg') })).rejects.toThrow(
      `${join(dir, 'pkg/package.json')}:3:31 (key "postmortem"): \`ignores[0]\`: expected a glob (non-empty text), found 7.`,
    );
  });

  it('accepts the notice block and ignores, and exposes them', async () => {
    const config = {
      ignores: ['postmortems/README.md', 'drafts/**'],
      notice: {
        company: 'Relata',
        timezone: 'Europe/Berlin',
        signature: { en: 'Your Relata team', de: 'Ihr Relata-Team' },
        services: { 'crm-web': { en: 'CRM web app', de: 'CRM-Web-App' } },
      },
    };
    await writeFile(join(dir, 'full.json'), JSON.stringify(config));
    expect((await loadConfig({ cwd: dir, configPath: 'full.json' })).config).toEqual(config);
  });

  it('names the keys it knows when it refuses one', async () => {
    await writeFile(join(dir, 'unknown.json'), JSON.stringify({ notice: { footer: 'x' } }));
    await expect(loadConfig({ cwd: dir, configPath: 'unknown.json' })).rejects.toThrow(
      /`notice\.footer`: expected one of the keys company, timezone, locale, signature, services/,
    );
  });

  it('rejects invalid JSON and a missing --config file', async () => {
    await writeFile(join(dir, 'broken.json'), '{ "rules": ');
    await expect(loadConfig({ cwd: dir, configPath: 'broken.json' })).rejects.toThrow(
      /broken\.json: expected valid JSON/,
    );
    await expect(loadConfig({ cwd: dir, configPath: 'nope.json' })).rejects.toThrow(/no such config file/);
  });
});
