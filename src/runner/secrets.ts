import * as core from '@actions/core';
import { resolveFlyToken, tokenSecrets, type FlyTokenState } from '../domain/fly-token.js';

/**
 * Registers a secret with the runner. The log masks line by line, so each line of a multi-line value is
 * registered too. Values shorter than 4 characters are skipped for lines: masking `a` would hide every `a`.
 */
export function maskSecret(value: string | undefined): void {
  if (!value) return;
  core.setSecret(value);
  if (value.includes('\n')) {
    for (const line of value.split(/\r?\n/)) if (line.trim().length >= 4) core.setSecret(line.trim());
  }
}

/** Reads the Fly token the way flyctl does and masks it whole and in every part. */
export function readFlyToken(env: NodeJS.ProcessEnv = process.env): FlyTokenState {
  for (const name of ['FLY_ACCESS_TOKEN', 'FLY_API_TOKEN'] as const) {
    const value = env[name];
    if (value) for (const part of tokenSecrets(value)) core.setSecret(part);
  }
  return resolveFlyToken(env);
}
