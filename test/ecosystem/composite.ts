import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { delimiter, join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { cleanEnv, exec } from './exec.js';

/** The parts of an `action.yml` a composite action uses. */
export interface ActionFile {
  name: string;
  inputs: Record<string, { description: string; required?: boolean; default?: string }>;
  outputs: Record<string, { description: string; value: string }>;
  runs: { using: string; steps: ActionStep[] };
}

/** One step of a composite action. */
export interface ActionStep {
  name: string;
  id?: string;
  shell: string;
  run: string;
  env?: Record<string, string>;
  'working-directory'?: string;
}

/** What one step did. */
export interface StepRun {
  id: string;
  code: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
}

/** The outcome of running an action: each step that ran, and the action's outputs. */
export interface ActionRun {
  steps: StepRun[];
  code: number;
  outputs: Record<string, string>;
}

/** Reads and parses an `action.yml`. */
export async function readAction(path: string): Promise<ActionFile> {
  return parseYaml(await readFile(path, 'utf8')) as ActionFile;
}

/** Reads `name=value` and `name<<DELIMITER` blocks, the two forms the runner accepts in $GITHUB_OUTPUT. */
function parseOutputFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const end = lines.indexOf(heredoc[2] as string, i + 1);
      out[heredoc[1] as string] = lines.slice(i + 1, end).join('\n');
      i = end;
    } else if (line.includes('=')) {
      out[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
    }
  }
  return out;
}

/**
 * Runs a composite action's steps as the runner does: `${{ }}` expressions substituted (inputs with
 * their defaults, step outputs, github/runner context), each `shell: bash` step as
 * `bash --noprofile --norc -eo pipefail FILE` with the GITHUB_* files, stopping at the first failure.
 * Any expression it does not know fails the run, so the test cannot pass by ignoring one.
 */
export async function runCompositeAction(
  actionDir: string,
  options: { workspace: string; temp: string; inputs: Record<string, string>; env?: NodeJS.ProcessEnv },
): Promise<ActionRun> {
  const action = await readAction(join(actionDir, 'action.yml'));
  const inputs: Record<string, string> = {};
  for (const [name, spec] of Object.entries(action.inputs)) inputs[name] = options.inputs[name] ?? spec.default ?? '';
  for (const name of Object.keys(options.inputs)) {
    if (!(name in action.inputs)) throw new Error(`action.yml has no input ${name}`);
  }
  const stepOutputs: Record<string, Record<string, string>> = {};
  const context: Record<string, string> = {
    'github.action_path': actionDir,
    'github.workspace': options.workspace,
    'runner.temp': options.temp,
  };
  const evaluate = (text: string): string =>
    text.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_m, expr: string) => {
      const input = /^inputs\.([\w-]+)$/.exec(expr);
      if (input) return inputs[input[1] as string] ?? '';
      const output = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(expr);
      if (output) return stepOutputs[output[1] as string]?.[output[2] as string] ?? '';
      if (expr in context) return context[expr] as string;
      throw new Error(`unsupported expression in action.yml: ${expr}`);
    });

  const extraPath: string[] = [];
  const envFromSteps: Record<string, string> = {};
  const steps: StepRun[] = [];
  for (const [index, step] of action.runs.steps.entries()) {
    if (step.shell !== 'bash') throw new Error(`step ${step.name}: expected shell bash, found ${step.shell}`);
    const id = step.id ?? `__step${index}`;
    const files = join(options.temp, `_runner_file_commands`, String(index));
    await mkdir(files, { recursive: true });
    const paths = { output: join(files, 'output'), path: join(files, 'path'), env: join(files, 'env') };
    for (const file of Object.values(paths)) await writeFile(file, '');
    const script = join(files, 'script.sh');
    await writeFile(script, evaluate(step.run));
    const base = cleanEnv({ ...options.env, ...envFromSteps });
    const env: NodeJS.ProcessEnv = {
      ...base,
      PATH: [...extraPath, base.PATH ?? ''].join(delimiter),
      CI: 'true',
      GITHUB_ACTIONS: 'true',
      GITHUB_WORKSPACE: options.workspace,
      GITHUB_ACTION_PATH: actionDir,
      GITHUB_OUTPUT: paths.output,
      GITHUB_PATH: paths.path,
      GITHUB_ENV: paths.env,
      GITHUB_STEP_SUMMARY: join(files, 'summary'),
      RUNNER_TEMP: options.temp,
    };
    for (const [key, value] of Object.entries(step.env ?? {})) env[key] = evaluate(value);
    const cwd = resolve(options.workspace, evaluate(step['working-directory'] ?? '.'));
    // The install step runs npm ci (86 runtime packages) and the build: minutes on a loaded machine with a cold cache.
    const result = await exec('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], {
      cwd,
      env,
      timeout: 600_000,
    });
    const outputs = parseOutputFile(await readFile(paths.output, 'utf8'));
    stepOutputs[id] = outputs;
    extraPath.unshift(...(await readFile(paths.path, 'utf8')).split('\n').filter(Boolean).reverse());
    Object.assign(envFromSteps, parseOutputFile(await readFile(paths.env, 'utf8')));
    steps.push({ id, ...result, outputs });
    if (result.code !== 0) break;
  }
  const outputs: Record<string, string> = {};
  for (const [name, spec] of Object.entries(action.outputs)) outputs[name] = evaluate(spec.value);
  return { steps, code: steps.at(-1)?.code ?? 0, outputs };
}
