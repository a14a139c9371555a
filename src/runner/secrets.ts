import * as core from '@actions/core';
import { resolveFlyToken, tokenSecrets, type FlyTokenState } from '../domain/fly-token.js';
import { secretFragments } from '../domain/redact.js';

/** Registers a secret with the runner: the value and each line of it (see secretFragments). */
export function maskSecret(value: string | undefined): void {
  for (const fragment of secretFragments(value ?? '')) core.setSecret(fragment);
}

/**
 * Reads the Fly token the way flyctl does and masks it whole and in every part. `secrets` lists what was
 * masked, for redacting text the runner does not mask (report files).
 */
export function readFlyToken(env: NodeJS.ProcessEnv = process.env): FlyTokenState & { secrets: string[] } {
  const secrets = ['FLY_ACCESS_TOKEN', 'FLY_API_TOKEN'].flatMap((name) =>
    env[name] ? tokenSecrets(env[name]) : [],
  );
  for (const secret of secrets) core.setSecret(secret);
  return { ...resolveFlyToken(env), secrets };
}
