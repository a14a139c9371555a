/**
 * Hostile input values for the three actions (the bundles, run as the runner does): each is refused with
 * one `Input '<name>'` error before flyctl or the network is touched, with no stack trace, no secret, and
 * nothing in the log the runner would read as a workflow command of the input's making.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAction, type RunResult } from '../../support/run-action.js';
import { startHttpStub, type HttpStub } from '../../support/http-stub.js';
import { fakeFlyctl, type FakeFlyctl } from './fake-flyctl.js';
import { runnerAnnotations } from './runner-commands.js';

let workspace: string;
let stub: HttpStub;
let fly: FakeFlyctl;
beforeAll(async () => {
  workspace = mkdtempSync(join(tmpdir(), 'hostile-inputs-'));
  for (const dir of ['apps/web', 'apps/empty', 'coverage'])
    mkdirSync(join(workspace, dir), { recursive: true });
  writeFileSync(join(workspace, 'fly.toml'), 'app = "demo"\nprimary_region = "sin"\n');
  writeFileSync(join(workspace, 'apps/web/fly.toml'), 'app = "web"\nprimary_region = "sin"\n');
  writeFileSync(join(workspace, 'coverage/lcov.info'), 'SF:src/a.ts\nDA:1,1\nLF:1\nLH:1\nend_of_record\n');
  stub = await startHttpStub();
  fly = fakeFlyctl({ status: [1], deploy: { version: 2 } });
});
afterAll(async () => {
  await stub.close();
  fly.remove();
  rmSync(workspace, { recursive: true, force: true });
});

/** What every refusal must look like. */
function expectRefused(result: RunResult, input: string, problem: RegExp) {
  expect(result.exitCode).toBe(1);
  const errors = result.annotations.filter((a) => a.level === 'error');
  expect(errors).toHaveLength(1);
  expect(errors[0]?.message).toMatch(new RegExp(`^Input '${input}': `));
  expect(errors[0]?.message).toMatch(problem);
  // The runner's own parser sees that one error and nothing an input made.
  expect(runnerAnnotations(result.stdout).map((a) => a.command)).toEqual(['error']);
  expect(result.allText).not.toMatch(/\n\s+at .*\.js:\d+/);
  const shown = result.allText
    .split('\n')
    .filter((l) => !l.startsWith('::add-mask::'))
    .join('\n');
  expect(shown).not.toMatch(/zz[a-z]*secret/i);
  expect(fly.calls()).toEqual([]);
  expect(stub.requests).toEqual([]);
}

const run = (action: string, inputs: Record<string, string>) =>
  runAction(action, {
    inputs,
    cwd: workspace,
    path: [fly.binDir],
    env: { FLY_API_TOKEN: 'FlyV1 fm2_zzsecrettoken', GITHUB_API_URL: stub.url },
    githubToken: 'ghs_zzsecretToken000000000000000000000',
  });

type Case = [input: string, value: string, problem: RegExp];

const VALIDATE: Case[] = [
  ['config', '', /is required but empty/],
  ['config', '# only a comment', /names no file: it holds only comments/],
  ['config', '!fly.toml\n!apps/**', /names no file: it holds only ! exclusions/],
  ['config', 'apps/web', /"apps\/web" is a directory; files are wanted/],
  ['config', 'apps/[web', /is not a valid glob/],
  ['working-directory', 'does-not-exist', /"does-not-exist" does not exist/],
  ['working-directory', 'fly.toml', /is a file, not a directory/],
  ['report-path', 'apps', /is a directory; a file path is wanted/],
  ['report-path', 'fly.toml/report.json', /cannot be created: "fly.toml" is not a directory/],
  ['strict', 'true\n::error::pwned', /is not a boolean/],
  ['required-secrets', 'ZZ_OK\n$(curl evil)', /is not a valid variable name/],
  ['fly-secrets', 'A B', /is not a valid variable name/],
  ['flyctl-validate', 'yes\n##[error]pwned', /is not one of the accepted values/],
];

const DEPLOY: Case[] = [
  ['app', 'demo; rm -rf /', /is not a Fly app name/],
  ['app', 'demo\n::error::pwned', /is not a Fly app name/],
  ['working-directory', 'does-not-exist', /"does-not-exist" does not exist/],
  ['working-directory', 'fly.toml', /is a file, not a directory/],
  ['config', 'prod.toml', /^Input 'config': .*prod\.toml" does not exist/],
  ['config', 'apps/empty', /is a directory without a fly\.toml/],
  ['health-url', 'https://demo.fly.dev/he\nalth', /contains whitespace or a control character/],
  ['health-url', 'https://demo.fly.dev/health ::error::pwned', /contains whitespace/],
  ['health-url', 'javascript:alert(1)', /uses javascript:/],
  ['health-url', 'file:///etc/passwd', /uses file:/],
  [
    'health-url',
    'https://admin:zzsecretpw@demo.fly.dev/he alth',
    /"https:\/\/\*\*\*@demo\.fly\.dev\/he alth" contains whitespace/,
  ],
  [
    'health-headers',
    'Authorization: Bearer zzsecretheader\rX-Injected: 1',
    /holds a line break, a control character/,
  ],
  // (An environment variable cannot hold NUL, so the runner cannot deliver one; ESC stands for the controls.)
  ['health-headers', 'X-Key: zzsecretheader\u001b[31m', /holds a line break, a control character/],
  ['health-headers', 'Bad Name: x', /is not a "Name: value" header/],
  ['deploy-timeout', '30d', /is not a duration/],
  ['deploy-timeout', '600h', /is longer than a timer can wait\. Use a duration of at most 2147483647ms/],
  ['deploy-timeout', '1s', /is out of range\. Use a duration at least 10000ms/],
  ['rollout-timeout', '2h', /is out of range/],
  ['health-max-latency', '9999h', /longer than a timer can wait/],
  ['health-interval', '10', /has no unit/],
  ['health-retries', '1e3', /is not a whole number/],
  ['health-expect-status', '2xx\n::error::pwned', /is not an HTTP status/],
  [
    'notify-webhook',
    'ftp://hooks.example.com/zzsecrethook',
    /^Input 'notify-webhook': the URL \(hidden\) uses ftp:/,
  ],
  [
    'notify-webhook',
    'https://u:p@hooks.example.com/zzsecrethook',
    /the URL \(hidden\) carries a user name or password/,
  ],
  ['notify-webhook', 'hooks.example.com/zzsecrethook', /the URL \(hidden\) is not a URL/],
  ['secrets', 'zzsecretvalue-without-equals', /line 1 is not NAME=VALUE \(value hidden\)/],
  ['strategy', 'rolling\n::warning::pwned', /is not one of the accepted values/],
];

const COVERAGE: Case[] = [
  ['files', '', /is required but empty/],
  ['files', '# coverage/lcov.info', /names no file: it holds only comments/],
  ['files', '!coverage/lcov.info', /names no file: it holds only ! exclusions/],
  ['files', 'coverage', /"coverage" is a directory; files are wanted/],
  ['working-directory', 'does-not-exist', /does not exist/],
  ['baseline', 'coverage', /is a directory, not a file/],
  ['summary-path', 'apps', /is a directory; a file path is wanted/],
  ['summary-path', 'fly.toml/summary.json', /cannot be created/],
  ['min-lines', '101', /is out of range/],
  ['min-lines', '80%\n::error::pwned', /is not a number/],
  ['format', 'exe', /is not one of the accepted values/],
  ['max-annotations', '51', /is out of range/],
  ['fail-on', 'lines, everything', /"everything" is not a gate/],
];

describe('fly-validate refuses', () => {
  it.each(VALIDATE)('%s = %j', async (input, value, problem) => {
    expectRefused(await run('fly-validate', { [input]: value }), input, problem);
  });
});

describe('fly-deploy-with-health refuses', () => {
  it.each(DEPLOY)('%s = %j', async (input, value, problem) => {
    expectRefused(
      await run('fly-deploy-with-health', {
        app: 'demo',
        'health-url': `${stub.url}/health`,
        [input]: value,
      }),
      input,
      problem,
    );
  });
});

describe('coverage-gate refuses', () => {
  it.each(COVERAGE)('%s = %j', async (input, value, problem) => {
    expectRefused(
      await run('coverage-gate', { files: 'coverage/lcov.info', [input]: value }),
      input,
      problem,
    );
  });
});

export const HOSTILE_INPUTS = VALIDATE.length + DEPLOY.length + COVERAGE.length;
