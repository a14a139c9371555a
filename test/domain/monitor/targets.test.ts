import { describe, expect, it } from '@jest/globals';
import { InputError } from '../../../src/domain/shared/errors.js';
import {
  DEFAULT_TARGETS_YAML,
  parseTargets,
  probeDefaults,
  targetProbeSpec,
  type TargetSettings,
} from '../../../src/domain/monitor/targets.js';

const DEFAULTS: TargetSettings = {
  method: 'GET',
  headers: { 'X-Default': 'd' },
  expectStatus: [{ from: 200, to: 299 }],
  maxLatencyMs: 2000,
  samples: 5,
  timeoutMs: 10_000,
  followRedirects: true,
  maxErrorRate: 0,
  tlsWarnDays: 14,
  tlsErrorDays: 7,
};

function parse(text: string, env: Record<string, string> = {}) {
  const masked: string[] = [];
  const targets = parseTargets({ input: 'targets-file', file: 'monitoring/targets.yml', text }, DEFAULTS, {
    env: (name) => env[name],
    mask: (v) => void masked.push(v),
  });
  return { targets, masked };
}

/** The one error a text gives, as the user reads it. */
function errorOf(text: string, env: Record<string, string> = {}): string {
  try {
    parse(text, env);
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).input).toBe('targets-file');
    return (error as Error).message;
  }
  throw new Error('no error');
}

describe('parseTargets', () => {
  it('reads every field over the defaults', () => {
    const { targets } = parse(`targets:
  - name: api
    url: https://api.example.com/health
    method: head
    expect-status: [200, 204]
    expect-body: '$.status == "ok"'
    max-latency: 800ms
    samples: 3
    timeout: 2s
    follow-redirects: false
    max-error-rate: 20
    tls-warn-days: 30
    tls-error-days: 10
  - url: http://127.0.0.1:8080/
`);
    expect(targets).toEqual([
      {
        name: 'api',
        url: 'https://api.example.com/health',
        method: 'HEAD',
        headers: { 'X-Default': 'd' },
        expectStatus: [
          { from: 200, to: 200 },
          { from: 204, to: 204 },
        ],
        body: { kind: 'json-path', path: ['status'], source: '$.status', equals: 'ok' },
        maxLatencyMs: 800,
        samples: 3,
        timeoutMs: 2000,
        followRedirects: false,
        maxErrorRate: 20,
        tlsWarnDays: 30,
        tlsErrorDays: 10,
      },
      { ...DEFAULTS, headers: { 'X-Default': 'd' }, name: '127.0.0.1:8080', url: 'http://127.0.0.1:8080/' },
    ]);
  });

  it('names the two apps by default', () => {
    const { targets } = parse(DEFAULT_TARGETS_YAML);
    expect(targets.map((t) => [t.name, t.url])).toEqual([
      ['nuzantara-rag', 'https://nuzantara-rag.fly.dev/health'],
      ['nuzantara-mouth', 'https://nuzantara-mouth.fly.dev/'],
    ]);
  });

  it('masks header values (and ${NAME} from the environment) and URL credentials as it reads them', () => {
    const { targets, masked } = parse(
      `targets:
  - name: private
    url: https://monitor:hunter2-pass@api.example.com/health
    headers:
      Authorization: Bearer \${MONITOR_TOKEN}
      X-Static: static-secret-1
`,
      { MONITOR_TOKEN: 'tok-123456' },
    );
    expect(targets[0]?.headers).toEqual({
      'X-Default': 'd',
      Authorization: 'Bearer tok-123456',
      'X-Static': 'static-secret-1',
    });
    expect(masked).toEqual(
      expect.arrayContaining([
        'Bearer tok-123456',
        'static-secret-1',
        'hunter2-pass',
        'monitor:hunter2-pass',
      ]),
    );
  });

  it('takes headers as "Name: value" lines too', () => {
    const { targets } = parse(`targets:\n  - url: https://a.example/\n    headers: "X-One: 1\\nX-Two: 2"\n`);
    expect(targets[0]?.headers).toEqual({ 'X-Default': 'd', 'X-One': '1', 'X-Two': '2' });
  });

  it.each([
    [
      'an unknown key, with a suggestion',
      'targets:\n  - name: api\n    url: https://a.example/\n    max_latency: 1s\n',
      `Input 'targets-file': monitoring/targets.yml line 4, target 1 ("api"): unknown key "max_latency". Use name, url, method, headers, expect-status, expect-body, max-latency, samples, timeout, follow-redirects, max-error-rate, tls-warn-days, tls-error-days. Did you mean max-latency?`,
    ],
    [
      'a bad URL',
      'targets:\n  - name: api\n    url: ftp://a.example/\n',
      `Input 'targets-file': monitoring/targets.yml line 3, target 1 ("api"): url: "ftp://a.example/" uses ftp:. Use an absolute http or https URL such as https://example.fly.dev/health.`,
    ],
    [
      'samples out of range',
      'targets:\n  - url: https://a.example/\n  - name: b\n    url: https://b.example/\n    samples: 1000\n',
      `Input 'targets-file': monitoring/targets.yml line 5, target 2 ("b"): samples: 1000 is out of range. Use a whole number from 1 to 100.`,
    ],
    [
      'a duration without a unit',
      'targets:\n  - name: api\n    url: https://a.example/\n    timeout: 5\n',
      `Input 'targets-file': monitoring/targets.yml line 4, target 1 ("api"): timeout: "5" has no unit. Use a number with a unit: 500ms, 10s, 1m30s or 2h (for example 5s for seconds).`,
    ],
    [
      'a body check with a single =',
      'targets:\n  - name: api\n    url: https://a.example/\n    expect-body: \'$.status = "ok"\'\n',
      `has a single =, not ==`,
    ],
    [
      'tls-error-days above tls-warn-days',
      'targets:\n  - name: api\n    url: https://a.example/\n    tls-error-days: 20\n',
      `Input 'targets-file': monitoring/targets.yml line 4, target 1 ("api"): tls-error-days: 20 is above tls-warn-days (14), so no warning would ever come first. Make tls-error-days at most tls-warn-days (e.g. tls-warn-days: 14, tls-error-days: 7).`,
    ],
    [
      'a missing url',
      'targets:\n  - name: api\n',
      `Input 'targets-file': monitoring/targets.yml line 2, target 1 ("api"): has no url. Give the URL to check, e.g. url: https://nuzantara-rag.fly.dev/health.`,
    ],
    [
      'two targets with one name',
      'targets:\n  - name: api\n    url: https://a.example/\n  - name: api\n    url: https://b.example/\n',
      `monitoring/targets.yml line 4, target 2 ("api"): has the same name as target 1: "api"`,
    ],
    ['no list', 'targets: https://a.example/\n', 'monitoring/targets.yml line 1: targets: is not a list'],
    ['an empty list', 'targets: []\n', 'targets: is empty'],
    ['no targets key', 'sites:\n  - url: https://a.example/\n', 'unknown top-level key "sites"'],
    [
      'a target that is not a mapping',
      'targets:\n  - https://a.example/\n',
      'line 2, target 1: is not a mapping',
    ],
    [
      'a header that is not one',
      'targets:\n  - url: https://a.example/\n    headers: "no colon here"\n',
      'headers: line 1 is not a "Name: value" header (value hidden)',
    ],
    [
      'a name with a line break',
      'targets:\n  - name: "a\\nb"\n    url: https://a.example/\n',
      'name: holds a line break',
    ],
    [
      'a list where a value goes',
      'targets:\n  - url: https://a.example/\n    timeout: [1s]\n',
      'timeout: is a list',
    ],
  ])('refuses %s with one clear message', (_what, text, message) => {
    expect(errorOf(text)).toContain(message);
  });

  it('names an unset ${NAME} and how to pass it, never the value around it', () => {
    const message = errorOf(
      'targets:\n  - name: api\n    url: https://a.example/\n    headers:\n      Authorization: Bearer s3cret-prefix ${MISSING_TOKEN}\n',
    );
    expect(message).toContain(
      "header Authorization uses ${MISSING_TOKEN}, which is not set in the step's environment",
    );
    expect(message).toContain('env: MISSING_TOKEN: ${{ secrets.MISSING_TOKEN }}');
    expect(message).not.toContain('s3cret-prefix');
  });

  it('reports a YAML syntax error with its line, without quoting the file', () => {
    const message = errorOf(
      'targets:\n  - url: https://a.example/\n    headers: { Authorization: "Bearer s3cret-value"\n',
    );
    expect(message).toMatch(
      /^Input 'targets-file': monitoring\/targets\.yml line \d+: is not valid YAML \(column \d+: /,
    );
    expect(message).not.toContain('s3cret-value');
  });

  it('refuses alias bombs and oversized files', () => {
    const bomb = [
      'targets:',
      '  - url: https://a.example/',
      '    a: &a ["x","x","x","x","x","x","x","x","x","x"]',
      '    b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]',
      '    c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]',
      '    d: [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]',
    ].join('\n');
    expect(errorOf(bomb)).toMatch(
      /^Input 'targets-file': monitoring\/targets\.yml: cannot be read \(.*alias.*\)\. Use fewer YAML aliases\.$/i,
    );
    expect(errorOf(`targets:\n${'  - url: https://a.example/\n'.repeat(60_000)}`)).toContain(
      'is larger than 1 MiB',
    );
  });
});

describe('the probe spec of a target', () => {
  it('leaves latency to the p95 judgement, unless a per-request limit is asked for (health-check)', () => {
    const [target] = parse('targets:\n  - url: https://a.example/\n    max-latency: 300ms\n').targets;
    expect(targetProbeSpec(target!).maxLatencyMs).toBeUndefined();
    expect(targetProbeSpec(target!, { perRequestLatency: true }).maxLatencyMs).toBe(300);
    expect(targetProbeSpec(target!)).toMatchObject({
      url: 'https://a.example/',
      timeoutMs: 10_000,
      maxRedirects: 5,
    });
  });

  it("turns health-check's probe flags into target defaults", () => {
    const defaults = probeDefaults({
      method: 'POST',
      headers: { A: 'b' },
      expectStatus: [{ from: 204, to: 204 }],
      timeoutMs: 3000,
      followRedirects: false,
      maxRedirects: 5,
      maxLatencyMs: 900,
    });
    expect(defaults).toMatchObject({
      method: 'POST',
      headers: { A: 'b' },
      timeoutMs: 3000,
      maxLatencyMs: 900,
      samples: 1,
    });
  });
});
