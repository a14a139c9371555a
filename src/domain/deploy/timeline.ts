/** The timeline of a run: each phase with its start, duration, verdict and one line of detail, told as it goes. */
import { errorMessage } from '../shared/errors.js';
import type { Phase, PhaseName } from './types.js';

export class Timeline {
  readonly phases: Phase[] = [];
  constructor(private readonly clock: { now(): number; log(line: string): void }) {}

  async run<T>(
    name: PhaseName,
    work: () => Promise<T>,
    judge: (value: T) => { ok: boolean; detail: string; warning?: boolean },
  ): Promise<T> {
    const startedAt = this.clock.now();
    this.clock.log(`▶ ${name}`);
    try {
      const value = await work();
      const { ok, detail, warning } = judge(value);
      const phase: Phase = { name, startedAt, durationMs: this.clock.now() - startedAt, ok, detail };
      if (warning) phase.warning = true;
      this.phases.push(phase);
      this.clock.log(`${ok ? (warning ? '⚠' : '✔') : '✘'} ${name}: ${detail}`);
      return value;
    } catch (error) {
      this.phases.push({
        name,
        startedAt,
        durationMs: this.clock.now() - startedAt,
        ok: false,
        detail: errorMessage(error),
      });
      this.clock.log(`✘ ${name}: ${errorMessage(error)}`);
      throw error;
    }
  }
}
