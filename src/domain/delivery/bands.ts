/**
 * DORA performance bands. Thresholds from the Accelerate State of DevOps Report 2023 (DORA, Google Cloud),
 * "How do you compare?", software delivery performance clusters:
 *   deployment frequency: elite on demand (several a day), high daily to weekly, medium weekly to monthly, low less;
 *   lead time for changes: elite < 1 day, high 1 day–1 week, medium 1 week–1 month, low longer;
 *   change failure rate: elite 5%, high 10%, medium 15%, low 64%;
 *   failed deployment recovery time: elite < 1 hour, high < 1 day, medium 1 day–1 week, low longer.
 * The report's low and medium ranges overlap; each band here ends where the next better one starts.
 */
import type { Band } from './types.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export const DORA_SOURCE = 'Accelerate State of DevOps Report 2023 (DORA)';

export function frequencyBand(perDay: number): Band {
  if (perDay >= 1) return 'elite';
  if (perDay >= 1 / 7) return 'high';
  if (perDay >= 1 / 30) return 'medium';
  return 'low';
}

export function leadTimeBand(ms: number): Band {
  if (ms < DAY) return 'elite';
  if (ms <= 7 * DAY) return 'high';
  if (ms <= 30 * DAY) return 'medium';
  return 'low';
}

export function failureRateBand(percent: number): Band {
  if (percent <= 5) return 'elite';
  if (percent <= 10) return 'high';
  if (percent <= 15) return 'medium';
  return 'low';
}

export function restoreBand(ms: number): Band {
  if (ms < HOUR) return 'elite';
  if (ms < DAY) return 'high';
  if (ms <= 7 * DAY) return 'medium';
  return 'low';
}
