/** Bad inputs (the bundle must be built: npm test checks dist/ first) and a missing token fail at once with one clear message, before flyctl is touched. */
import { describe, expect, it } from '@jest/globals';
import { runAction } from '../../support/run-action.js';

const run = (
  inputs: Record<string, string>,
  env: Record<string, string> = { FLY_API_TOKEN: 'FlyV1 fm2_x' },
) => runAction('fly-deploy-with-health', { inputs: { app: 'demo', ...inputs }, env });

describe('fly-deploy-with-health input errors', () => {
  it.each([
    [{ app: 'Not An App' }, /^Input 'app': "Not An App" is not a Fly app name\. Use lower-case letters/],
    [{ 'health-expect-status': '2xx,abc' }, /^Input 'health-expect-status': "abc" is not an HTTP status/],
    [{ 'health-interval': '10' }, /^Input 'health-interval': "10" has no unit/],
    [{ 'health-expect-body': '$..x == 1' }, /^Input 'health-expect-body': "\$\.\.x" is not a JSON path/],
    [{ 'health-expect-body': '$.status = "ok"' }, /^Input 'health-expect-body': .* has a single =, not ==/],
    [
      { 'health-schedule': 'eager' },
      /^Input 'health-schedule': "eager" is not one of .* steady, fixed, adaptive/,
    ],
    [{ 'deploy-when-unhealthy': 'maybe' }, /^Input 'deploy-when-unhealthy': "maybe" is not a boolean/],
    [{ 'verify-window': '30' }, /^Input 'verify-window': "30" has no unit/],
    [
      { 'verify-max-error-rate': '150' },
      /^Input 'verify-max-error-rate': 150 is out of range\. Use a number from 0 to 100/,
    ],
    [{ 'verify-max-p95': 'fast' }, /^Input 'verify-max-p95': "fast" is not a duration/],
    [
      { strategy: 'yolo' },
      /^Input 'strategy': "yolo" is not one of the accepted values\. Use one of: rolling, immediate, canary, bluegreen\./,
    ],
    [{ 'wait-timeout': 'soon' }, /^Input 'wait-timeout': "soon" is not a wait timeout/],
    [{ 'health-url': 'ftp://x/health' }, /^Input 'health-url': "ftp:\/\/x\/health" uses ftp:/],
    [
      { secrets: 'zqsecretvalue-without-equals' },
      /^Input 'secrets': line 1 is not NAME=VALUE \(value hidden\)/,
    ],
  ])('%j', async (inputs, message) => {
    const result = await run(inputs);
    expect(result.exitCode).toBe(1);
    const errors = result.annotations.filter((a) => a.level === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]?.message).toMatch(message);
    expect(result.allText).not.toMatch(/\n\s+at .*\.js:\d+/);
    expect(
      result.allText
        .split('\n')
        .filter((l) => !l.startsWith('::add-mask::'))
        .join('\n'),
    ).not.toContain('zqsecretvalue');
  });

  it('names the token problem when FLY_ACCESS_TOKEN is set but empty', async () => {
    const result = await run({}, { FLY_ACCESS_TOKEN: '', FLY_API_TOKEN: 'FlyV1 fm2_hidden' });
    expect(result.exitCode).toBe(1);
    expect(result.annotations[0]?.message).toMatch(/FLY_ACCESS_TOKEN is set but empty/);
  });
});
