import { describe, expect, it } from '@jest/globals';
import { advisorySeverity, meetsThreshold, scoreVector } from '../../../src/domain/vulns/severity.js';
import { fixedVersion, compareVersions } from '../../../src/domain/vulns/versions.js';
import { V3_CRITICAL, V3_HIGH, V3_LOW, V4_CRITICAL, V4_MEDIUM, record } from './osv-records.js';

describe('severity from CVSS vectors, then the database label', () => {
  it('scores v3.0, v3.1 and v4.0 vectors with the calculator', () => {
    expect(scoreVector(V3_CRITICAL)).toBe(9.8);
    expect(scoreVector(V3_HIGH)).toBe(7.2);
    expect(scoreVector(V3_LOW)).toBe(3.7);
    expect(scoreVector(V4_CRITICAL)).toBe(9.3);
    expect(scoreVector(V4_MEDIUM)).toBe(6.9);
  });

  it('gives no score for an incomplete or unreadable vector', () => {
    expect(scoreVector('CVSS:3.1/AV:N')).toBeUndefined();
    expect(scoreVector('CVSS:3.1/AV:Q/AC:L')).toBeUndefined();
    expect(scoreVector('not a vector')).toBeUndefined();
  });

  it('takes the highest of the v3 and v4 scores', () => {
    const both = record('X', 'npm', 'a', {
      versions: [],
      severity: [
        { type: 'CVSS_V3', score: V3_LOW },
        { type: 'CVSS_V4', score: V4_CRITICAL },
      ],
    });
    expect(advisorySeverity(both)).toEqual({
      level: 'critical',
      score: 9.3,
      vector: V4_CRITICAL,
      source: 'CVSS_V4',
    });
  });

  it('falls back to database_specific.severity (MODERATE is medium), then to a v2 vector, then unknown', () => {
    const broken = record('X', 'npm', 'a', {
      versions: [],
      severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N' }],
      label: 'MODERATE',
    });
    expect(advisorySeverity(broken)).toEqual({ level: 'medium', source: 'label' });
    const v2 = record('X', 'npm', 'a', {
      versions: [],
      severity: [{ type: 'CVSS_V2', score: 'AV:N/AC:L/Au:N/C:P/I:P/A:P' }],
    });
    expect(advisorySeverity(v2)).toMatchObject({ level: 'high', score: 7.5, source: 'CVSS_V2' });
    expect(advisorySeverity(record('X', 'npm', 'a', { versions: [] }))).toEqual({ source: 'unknown' });
  });

  it('reads per-package severity in affected[] too (osv-schema 1.5+)', () => {
    const r = record('X', 'npm', 'a', { versions: [] });
    (r.affected as Record<string, unknown>[])[0]!.severity = [{ type: 'CVSS_V3', score: V3_HIGH }];
    expect(advisorySeverity(r).level).toBe('high');
  });

  it('gates at or above the threshold; unknown meets every gate but none', () => {
    expect(meetsThreshold({ level: 'high', source: 'label' }, 'high')).toBe(true);
    expect(meetsThreshold({ level: 'medium', source: 'label' }, 'high')).toBe(false);
    expect(meetsThreshold({ level: 'low', source: 'label' }, 'low')).toBe(true);
    expect(meetsThreshold({ level: 'critical', source: 'label' }, 'none')).toBe(false);
    expect(meetsThreshold({ source: 'unknown' }, 'critical')).toBe(true);
    expect(meetsThreshold({ source: 'unknown' }, 'none')).toBe(false);
  });
});

describe('fixed version for the installed version', () => {
  const qs = record('Q', 'npm', 'qs', {
    versions: [],
    ranges: [
      { introduced: '6.5.0', fixed: '6.5.3' },
      { introduced: '6.7.0', fixed: '6.7.3' },
    ],
  });

  it('takes the fix of the range holding the installed version (semver)', () => {
    expect(fixedVersion(qs.affected as unknown[], 'npm', 'qs', '6.7.0')).toBe('6.7.3');
    expect(fixedVersion(qs.affected as unknown[], 'npm', 'qs', '6.5.1')).toBe('6.5.3');
  });

  it('compares PyPI versions by PEP 440 (1.10 after 1.9, rc before final) and matches normalised names', () => {
    expect(compareVersions('PyPI', '1.10', '1.9')).toBe(1);
    expect(compareVersions('PyPI', '2.0rc1', '2.0')).toBe(-1);
    const r = record('P', 'PyPI', 'Zope.Interface', {
      versions: [],
      ranges: [{ introduced: '1.9', fixed: '1.10' }],
    });
    expect(fixedVersion(r.affected as unknown[], 'PyPI', 'zope-interface', '1.9.5')).toBe('1.10');
  });

  it('a last_affected range has no fix; no ranges means none known', () => {
    const r = record('L', 'npm', 'a', {
      versions: [],
      ranges: [{ introduced: '0', last_affected: '2.0.0' }],
    });
    expect(fixedVersion(r.affected as unknown[], 'npm', 'a', '1.0.0')).toBeUndefined();
    expect(fixedVersion([], 'npm', 'a', '1.0.0')).toBeUndefined();
  });

  it('versions that do not parse: the fixes named, rather than a guess', () => {
    const r = record('G', 'npm', 'a', { versions: [], ranges: [{ introduced: '0', fixed: '2.0.0' }] });
    expect(fixedVersion(r.affected as unknown[], 'npm', 'a', 'not-a-version')).toBe('2.0.0');
  });
});
