import { describe, expect, it } from '@jest/globals';
import {
  appendBounded,
  historyDayFile,
  historyDayFiles,
  historyLine,
  historyRecord,
  historyTargets,
  uptimeRecord,
  parseHistory,
  previousStatuses,
} from '../../../src/domain/monitor/history.js';
import {
  fitSummary,
  changesPayload,
  changesText,
  responseTimeCharts,
  resultLine,
  statusChanges,
  uptimeSummary,
} from '../../../src/domain/monitor/report.js';
import { formatLength } from '../../../src/domain/shared/duration.js';
import { AT, result } from './fixtures.js';

const at = new Date(AT);

describe('history', () => {
  it('writes one line per run with each target and reads it back, skipping torn lines', () => {
    const results = [result('rag', 'down'), result('mouth', 'up', { tlsDays: 40 })];
    const record = historyRecord({
      at,
      runUrl: 'https://run/1',
      status: 'down',
      targets: historyTargets(results),
    });
    expect(uptimeRecord(results, at)).toEqual({ ...record, run: undefined });
    expect(record).toEqual({
      v: 1,
      at: '2026-09-14T10:00:00.000Z',
      run: 'https://run/1',
      status: 'down',
      targets: [
        { name: 'rag', status: 'down', p50: 14, p95: 18, p99: 18, max: 18, errorRate: 100 },
        { name: 'mouth', status: 'up', p50: 14, p95: 18, p99: 18, max: 18, errorRate: 0, tlsDays: 40 },
      ],
    });
    const older = {
      ...record,
      at: '2026-09-14T09:00:00.000Z',
      targets: [{ name: 'rag', status: 'up', errorRate: 0 }],
    };
    const text = `${historyLine(record)}{"torn":\nnot json\n${historyLine(older as never)}`;
    const records = parseHistory(text);
    expect(records.map((r) => r.at)).toEqual(['2026-09-14T09:00:00.000Z', '2026-09-14T10:00:00.000Z']);
    expect([...previousStatuses(records)]).toEqual([
      ['rag', 'down'],
      ['mouth', 'up'],
    ]);
  });

  it('keeps one branch file per UTC day and a bounded file on disk', () => {
    expect(historyDayFile(at)).toBe('history/2026-09-14.jsonl');
    expect(historyDayFiles(at, 3)).toEqual([
      'history/2026-09-14.jsonl',
      'history/2026-09-13.jsonl',
      'history/2026-09-12.jsonl',
    ]);
    expect(appendBounded('1\n2\n3\n', '4\n', 3)).toBe('2\n3\n4\n');
    expect(appendBounded('', '1\n')).toBe('1\n');
  });
});

describe('status changes and alerts', () => {
  it('compares with the previous statuses; a target never seen counts as having been up', () => {
    const changes = statusChanges(
      [result('rag', 'down'), result('mouth', 'up'), result('new', 'degraded'), result('same', 'degraded')],
      new Map([
        ['rag', 'up'],
        ['mouth', 'degraded'],
        ['same', 'degraded'],
      ]),
    );
    expect(changes.map((c) => [c.subject, c.from, c.to])).toEqual([
      ['rag', 'up', 'down'],
      ['mouth', 'degraded', 'up'],
      ['new', 'up', 'degraded'],
    ]);
    const text = changesText(changes, 'https://run/1');
    expect(text.split('\n')[0]).toBe('prod-monitor: 3 status change(s)');
    expect(text).toContain('🔴 rag is down (was up) https://rag.example/health: rag problem');
    expect(
      changesPayload(changes, { status: 'down', at: at.toISOString(), repository: 'o/r' }),
    ).toMatchObject({ source: 'nuzantara-prod-monitor', status: 'down', repository: 'o/r' });
    expect(changesPayload(changes, { status: 'down', at: at.toISOString() }).changes).toContainEqual({
      check: 'uptime',
      subject: 'rag',
      from: 'up',
      to: 'down',
      detail: 'rag problem',
      url: 'https://rag.example/health',
    });
  });

  it('hides URL credentials in every line it writes', () => {
    const r = result('private', 'down', { url: 'https://user:pa55word@private.example/' });
    expect(resultLine(r)).not.toContain('pa55word');
    expect(changesText(statusChanges([r], new Map()))).not.toContain('pa55word');
    expect(
      uptimeSummary({ results: [r], history: [], chartRuns: 24, notes: [], charts: true }),
    ).not.toContain('pa55word');
  });

  it('says how long an outage lasted in words people read', () => {
    expect(formatLength(45_000)).toBe('45s');
    expect(formatLength(12 * 60_000)).toBe('12m');
    expect(formatLength(3 * 3_600_000 + 20 * 60_000)).toBe('3h 20m');
    expect(formatLength(52 * 3_600_000)).toBe('2d 4h');
  });
});

describe('the summary', () => {
  const history = [9, 10, 11].map((hour, i) =>
    uptimeRecord(
      [result('rag', 'up', { latencies: [10 + i * 10] }), result('mouth', 'up')],
      new Date(Date.UTC(2026, 8, 14, hour)),
    ),
  );

  it('draws one Mermaid line chart of p95 per target over recent runs', () => {
    const charts = responseTimeCharts(history, [result('rag', 'up'), result('mouth', 'up')], { runs: 24 });
    expect(charts.drawn).toBe(2);
    expect(charts.markdown).toContain(
      [
        '```mermaid',
        'xychart-beta',
        '    title "rag: p95 (ms)"',
        '    x-axis ["09-14 09:00", "09-14 10:00", "09-14 11:00"]',
        '    y-axis "ms" 0 --> 550',
        '    line [10, 20, 30]',
        '```',
      ].join('\n'),
    );
    expect(responseTimeCharts(history, [result('rag', 'up')], { runs: 2 }).markdown).toContain(
      'line [20, 30]',
    );
  });

  it('keeps target names from breaking out of the chart or the table', () => {
    const evil = 'x"]\n```\n<script>@team|';
    const h = [0, 1].map((hour) =>
      uptimeRecord([result(evil, 'down')], new Date(Date.UTC(2026, 8, 14, hour))),
    );
    const text = uptimeSummary({
      results: [result(evil, 'down', { url: 'https://x.example/' })],
      history: h,
      chartRuns: 24,
      notes: [],
      charts: true,
    });
    expect(text.match(/```/g)).toHaveLength(2);
    expect(text).not.toContain('<script>');
    expect(text).not.toContain('@team');
    expect(text).toContain('title "x script team: p95 (ms)"');
    // The row stays one row: its pipe is escaped.
    expect(text).toContain('\\|');
  });

  it('stays under its budget: charts go first, then rows', () => {
    const many = Array.from({ length: 300 }, (_, i) =>
      result(`target-${i}`, 'degraded', { problems: ['x'.repeat(200)] }),
    );
    const records = [0, 1].map((hour) => uptimeRecord(many, new Date(Date.UTC(2026, 8, 14, hour))));
    const full = uptimeSummary({ results: many, history: records, chartRuns: 24, notes: [], charts: true });
    const small = uptimeSummary(
      { results: many, history: records, chartRuns: 24, notes: [], charts: true },
      40_000,
    );
    expect(full).toContain('```mermaid');
    expect(Buffer.byteLength(small)).toBeLessThanOrEqual(40_000);
    expect(small).not.toContain('```mermaid');
    expect(small).toMatch(/\d+ more target\(s\): see the JSON report\./);
  });

  it('shows no chart in a terminal', () => {
    const text = uptimeSummary({
      results: [result('rag', 'up')],
      history,
      chartRuns: 24,
      notes: ['History: off.'],
      charts: false,
    });
    expect(text).not.toContain('mermaid');
    expect(text).toContain('- History: off.');
    expect(text.startsWith('### Uptime: 🟢 1 up')).toBe(true);
  });
});

describe('the whole summary under the 1 MiB limit', () => {
  const head = '## prod-monitor: ✅ up\n';
  const tail = '\n- a note\n';

  it('leaves a summary that fits as it is', () => {
    const text = fitSummary(head, ['### Uptime\n', '### Vulnerabilities\n'], tail, 1000);
    expect(text).toBe(`${head}\n### Uptime\n\n### Vulnerabilities\n\n${tail}`);
  });

  it('cuts the largest section at a line boundary, closes its code fence and says where the whole is', () => {
    const rows = Array.from({ length: 400 }, (_, i) => `| pkg-${i} | 1.0.${i} | é |`).join('\n');
    const findings = `### Vulnerabilities\n\n| package | version | note |\n| --- | --- | --- |\n${rows}\n`;
    const chart = `### Uptime\n\n\`\`\`mermaid\n${Array.from({ length: 50 }, (_, i) => `line ${i}`).join('\n')}\n\`\`\`\n`;
    const limit = 4000;
    const text = fitSummary(head, [chart, findings], tail, limit, 'the JSON report (`r.json`)');
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(limit);
    expect(text).toContain(chart);
    expect(text).toContain('| pkg-0 | 1.0.0 | é |');
    expect(text).not.toContain('pkg-399');
    expect(text).toContain(
      "Cut to stay under GitHub's 1 MiB job-summary limit: the whole is in the JSON report (`r.json`).",
    );
    expect(text.endsWith(tail)).toBe(true);
    // Every kept table row is whole.
    for (const line of text.split('\n').filter((l) => l.startsWith('| pkg-'))) expect(line).toMatch(/ é \|$/);

    const fenced = fitSummary(head, [chart.repeat(3)], tail, 600);
    expect(Buffer.byteLength(fenced)).toBeLessThanOrEqual(600);
    const fences = fenced.split('\n').filter((l) => l.startsWith('```')).length;
    expect(fences % 2).toBe(0);
  });
});
