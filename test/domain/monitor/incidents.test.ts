import { describe, expect, it } from '@jest/globals';
import {
  incidentMarker,
  incidentStatuses,
  incidentTitle,
  planIncidents,
  readIncident,
  type IncidentAction,
  type IssueSnapshot,
} from '../../../src/domain/monitor/incidents.js';
import { AT, result } from './fixtures.js';

const now = new Date(AT + 2 * 3_600_000 + 5 * 60_000);
const runUrl = 'https://github.com/nuzantara/example/actions/runs/1';

/** The issue GitHub would hold after an `open` action. */
function opened(action: IncidentAction, number: number): IssueSnapshot {
  if (action.kind !== 'open') throw new Error(action.kind);
  return { number, title: action.title, body: action.body, createdAt: new Date(AT).toISOString() };
}

describe('incident issues', () => {
  it('opens one on the first failure, with what failed and the figures, and a marker only we read', () => {
    const [action] = planIncidents([result('rag', 'down', { problems: ['5 of 5 samples failed'] })], [], {
      now,
      runUrl,
    });
    expect(action).toMatchObject({ kind: 'open', target: 'rag', title: '🔴 rag is down' });
    const body = (action as { body: string }).body;
    expect(body).toContain('### What failed\n\n- 5 of 5 samples failed');
    expect(body).toContain('| samples | errors | error rate | p50 | p95 | p99 | max | TLS |');
    expect(body).toContain(`([run](${runUrl}))`);
    expect(body.trimEnd().endsWith('-->')).toBe(true);
    expect(readIncident(opened(action as IncidentAction, 7))).toEqual({
      number: 7,
      target: 'rag',
      status: 'down',
      since: new Date(AT).toISOString(),
    });
  });

  it('does nothing while the status holds, comments and retitles when it changes, closes with the length on recovery', () => {
    const [open] = planIncidents([result('rag', 'down')], [], { now, runUrl });
    const issue = opened(open as IncidentAction, 3);
    expect(planIncidents([result('rag', 'down')], [issue], { now })).toEqual([]);

    const [change] = planIncidents(
      [result('rag', 'degraded', { problems: ['p95 900ms is over max-latency 500ms'] })],
      [issue],
      {
        now,
      },
    );
    expect(change).toMatchObject({
      kind: 'change',
      number: 3,
      from: 'down',
      to: 'degraded',
      title: '🟡 rag is degraded',
    });
    expect((change as { comment: string }).comment).toContain('## 🟡 Now degraded (was down)');
    const changed = { ...issue, body: (change as { body: string }).body };
    // The outage still started when it was first seen.
    expect(readIncident(changed)).toMatchObject({ status: 'degraded', since: new Date(AT).toISOString() });

    const [close] = planIncidents([result('rag', 'up')], [changed], { now });
    expect(close).toMatchObject({ kind: 'close', number: 3, outageMs: 2 * 3_600_000 + 5 * 60_000 });
    expect((close as { comment: string }).comment).toContain(
      'The outage lasted **2h 5m** (degraded since 2026-09-14 10:00 UTC)',
    );
  });

  it('closes newer duplicates left by a race in favour of the oldest', () => {
    const [open] = planIncidents([result('rag', 'down')], [], { now });
    const first = opened(open as IncidentAction, 4);
    const second = { ...opened(open as IncidentAction, 9) };
    const plan = planIncidents([result('rag', 'down')], [second, first], { now });
    expect(plan).toEqual([
      expect.objectContaining({
        kind: 'duplicate',
        number: 9,
        keep: 4,
        comment: expect.stringContaining('Duplicate of #4'),
      }),
    ]);
  });

  it('leaves alone issues without our marker, and targets it does not check', () => {
    const plan = planIncidents(
      [result('rag', 'up')],
      [
        { number: 1, title: 'rag is slow', body: 'a person wrote this', createdAt: '2026-09-01T00:00:00Z' },
        {
          number: 2,
          title: 'old',
          body: `${incidentMarker('removed-target')}`,
          createdAt: '2026-09-01T00:00:00Z',
        },
      ],
      { now },
    );
    expect(plan).toEqual([]);
  });

  it('keys the marker on the exact name, so no name can pose as another or end the comment', () => {
    const names = ['a', 'ab', 'x --> <script>', 'ümlaut / path?q=1', 'a b'];
    for (const name of names) {
      const marker = incidentMarker(name);
      expect(marker.match(/-->/g)).toHaveLength(1);
      expect(
        readIncident({ number: 1, title: '', body: marker, createdAt: '2026-09-01T00:00:00Z' })?.target,
      ).toBe(name);
    }
    expect(incidentMarker('a')).not.toBe(incidentMarker('ab'));
    expect(incidentMarker('ab').includes(incidentMarker('a'))).toBe(false);
  });

  it('keeps names that are user input inert in Markdown and titles', () => {
    const evil = 'api | @octocat `x` <img src=x> [link](http://evil)';
    const [action] = planIncidents(
      [result(evil, 'down', { problems: ['HTTP 500 <b>boom</b> @team'], url: 'https://a.example/' })],
      [],
      {
        now,
      },
    );
    const body = (action as { body: string }).body;
    expect(body).not.toMatch(/@octocat|@team/);
    expect(body).not.toContain('<img');
    expect(body).not.toContain('<b>');
    expect(incidentTitle('line\nbreak', 'down')).toBe('🔴 line break is down');
  });

  it('reads the previous statuses from open incidents when there is no history', () => {
    const [down] = planIncidents([result('rag', 'down')], [], { now });
    const [degraded] = planIncidents([result('mouth', 'degraded')], [], { now });
    const statuses = incidentStatuses([
      opened(down as IncidentAction, 1),
      opened(degraded as IncidentAction, 2),
    ]);
    expect([...statuses]).toEqual([
      ['rag', 'down'],
      ['mouth', 'degraded'],
    ]);
  });
});
