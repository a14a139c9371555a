/** Shared settings for end-to-end deploys against the local Fly stand-in. */
export { projectDir } from './fly-toml.js';

/** Fast probe settings: the stand-in answers on loopback in milliseconds. */
export const fastHealth = {
  'health-retries': '5',
  'health-interval': '300ms',
  'health-timeout': '1s',
  'health-schedule': 'fixed',
  'rollout-timeout': '5s',
  'wait-timeout': '5m',
};
