import { describe, expect, it } from '@jest/globals';
import { declaredHealthPath } from '../../../src/domain/probe/fly-health-path.js';
import { flyTomlText } from '../../support/fly-toml.js';

describe('the health path a fly.toml declares', () => {
  it('takes the http_service check path', () => {
    expect(declaredHealthPath(flyTomlText(), 'fly.toml', 'config')).toEqual({
      path: '/health',
      source: 'http_service.checks[0] in fly.toml',
    });
  });

  it('takes http_service checks first, then services http_checks, then [checks] of type http', () => {
    const services = '[[services]]\n  internal_port = 8080\n  [[services.http_checks]]\n    path = "/svc"\n';
    const top = '[checks.alive]\n  type = "http"\n  port = 8080\n  path = "/alive"\n';
    const tcp = '[checks.tcp]\n  type = "tcp"\n  port = 8080\n';
    expect(declaredHealthPath(`${top}${services}`, 'a.toml', 'config')).toEqual({
      path: '/svc',
      source: 'services[0].http_checks[0] in a.toml',
    });
    expect(declaredHealthPath(`${tcp}${top}`, 'a.toml', 'config')?.path).toBe('/alive');
    expect(
      declaredHealthPath(
        `${services}[http_service]\n  internal_port = 3000\n  [[http_service.checks]]\n    path = "/"\n`,
        'mouth.toml',
        'config',
      ),
    ).toEqual({ path: '/', source: 'http_service.checks[0] in mouth.toml' });
  });

  it('skips checks without a path, adds a missing leading slash, and says when there is none', () => {
    const noPath = '[http_service]\n  internal_port = 8080\n  [[http_service.checks]]\n    method = "GET"\n';
    expect(declaredHealthPath(noPath, 'fly.toml', 'config')).toBeUndefined();
    expect(declaredHealthPath(flyTomlText({ check: false }), 'fly.toml', 'config')).toBeUndefined();
    expect(
      declaredHealthPath('[checks.x]\n  type = "http"\n  path = "ready"\n', 'fly.toml', 'config')?.path,
    ).toBe('/ready');
  });

  it('refuses invalid TOML by naming the input, never quoting the file', () => {
    let message = '';
    try {
      declaredHealthPath('app = "x"\n[env]\n  TOKEN = "zz-secret-zz\n', 'fly.toml', 'config');
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/^Input 'config': fly\.toml is not valid TOML \(line 3: /);
    expect(message).toContain('set health-url');
    expect(message).not.toContain('zz-secret-zz');
  });

  it('refuses a check path that is not a URL path, and keeps control characters out of the source', () => {
    expect(() =>
      declaredHealthPath(
        '[checks."a\\nb"]\n  type = "http"\n  path = "/x\\n::error::y"\n',
        'fly.toml',
        'config',
      ),
    ).toThrow(
      /^Input 'config': the path of checks\.a\?b in fly\.toml holds whitespace or control characters/,
    );
  });
});
