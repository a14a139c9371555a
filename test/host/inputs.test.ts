/** The typed readers mask what is secret before anything can print it, and refuse hostile values. */
import { describe, expect, it } from '@jest/globals';
import { InputError } from '../../src/domain/shared/errors.js';
import { inputReader } from '../../src/host/inputs.js';

function reader(inputs: Record<string, string>) {
  const masks: string[] = [];
  const input = inputReader({
    inputs: { get: (name) => inputs[name] ?? '' },
    mask: (v) => void masks.push(v),
  });
  return { input, masks };
}

const refusal = (fn: () => unknown, masks: string[], secret: string): string => {
  let message = '';
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    message = (error as Error).message;
  }
  expect(message).not.toBe('');
  expect(message).not.toContain(secret);
  // Masked before the error was made.
  expect(masks.some((m) => m.includes(secret))).toBe(true);
  return message;
};

describe('inputReader', () => {
  it('masks a URL with credentials as a whole and in its userinfo, and keeps it working', () => {
    const { input, masks } = reader({ 'health-url': 'https://admin:zzpass9@app.fly.dev/health' });
    expect(input.optionalUrl('health-url')?.password).toBe('zzpass9');
    expect(masks).toEqual(
      expect.arrayContaining(['https://admin:zzpass9@app.fly.dev/health', 'admin:zzpass9', 'zzpass9']),
    );
    const plain = reader({ 'health-url': 'https://app.fly.dev/health' });
    plain.input.optionalUrl('health-url');
    expect(plain.masks).toEqual([]);
  });

  it('each URL of a list is checked and masked', () => {
    const { input, masks } = reader({ url: 'https://a.fly.dev/health\nhttps://u:zzlistpw@b.fly.dev/' });
    expect(input.urls('url').map(String)).toEqual([
      'https://a.fly.dev/health',
      'https://u:zzlistpw@b.fly.dev/',
    ]);
    expect(masks).toContain('zzlistpw');
    expect(() => reader({ url: 'https://a.fly.dev/x\nftp://b' }).input.urls('url')).toThrow(/uses ftp:/);
  });

  it('a webhook URL is masked first, never quoted, and may not carry credentials', () => {
    const hook = 'https://hooks.slack.com/services/T0/B0/zzhookSecret';
    const ok = reader({ 'notify-webhook': hook });
    expect(ok.input.secretUrl('notify-webhook')).toBe(hook);
    expect(ok.masks).toEqual([hook]);
    for (const bad of [
      `${hook} trailing words`,
      'ftp://hooks.example.com/zzhookSecret',
      'https://u:p@h.example.com/zzhookSecret',
      'zzhookSecret',
    ]) {
      const r = reader({ 'notify-webhook': bad });
      expect(refusal(() => r.input.secretUrl('notify-webhook'), r.masks, 'zzhookSecret')).toMatch(
        /^Input 'notify-webhook': the URL \(hidden\)/,
      );
    }
  });

  it('header values are masked and a value with a line break or control character refused without quoting it', () => {
    const { input, masks } = reader({ 'health-headers': 'Authorization: Bearer zzheadertoken\nX-Trace: 1' });
    expect(input.headers('health-headers')).toEqual({
      Authorization: 'Bearer zzheadertoken',
      'X-Trace': '1',
    });
    expect(masks).toContain('Bearer zzheadertoken');
    const cr = reader({ 'health-headers': 'Authorization: Bearer zzheadertoken\rX-Injected: yes' });
    expect(refusal(() => cr.input.headers('health-headers'), cr.masks, 'zzheadertoken')).toMatch(
      /line break, a control character/,
    );
    const nul = reader({ 'health-headers': 'X-Key: zzheadertoken\u0000' });
    refusal(() => nul.input.headers('health-headers'), nul.masks, 'zzheadertoken');
  });

  it('required globs that name nothing are refused', () => {
    expect(() => reader({ config: '# nothing' }).input.globs('config', { required: true })).toThrow(
      "Input 'config': names no file: it holds only comments.",
    );
    expect(reader({ exclude: '' }).input.globs('exclude')).toEqual([]);
  });
});
