/** Delivery metrics' data: GitHub Deployments as read, each environment's DORA figures, secret ages. */
import type { DeliveryRecord } from '../deploy/record.js';

export type Band = 'elite' | 'high' | 'medium' | 'low';

/** One GitHub Deployment with its newest status and, when a deploy or rollback wrote it, its record. */
export interface DeploymentEvent {
  id: number;
  environment: string;
  sha: string;
  /** When the Deployment was created (deploy and rollback create it at their end). */
  createdAt: string;
  /** The newest status's state (success, failure, error, inactive, in_progress, …); undefined: none. */
  state?: string;
  statusAt?: string;
  /** The nuzantara record from the payload; undefined for other tools' deployments or older schemas. */
  record?: DeliveryRecord;
}

export interface Figure {
  /** The median; undefined when there is nothing to measure. */
  medianMs?: number;
  samples: number;
}

export interface EnvironmentMetrics {
  environment: string;
  apps: string[];
  /** Deploy attempts in the window (rollbacks are restores, not changes). */
  deployments: number;
  successful: number;
  failed: number;
  rollbacks: number;
  /** Successful deploys per day over the window. */
  frequencyPerDay: number;
  /** Commit time to successful deployment. */
  leadTime: Figure & { missingCommits: number };
  /** Failed deploy attempts as a percentage of all; undefined with no attempts. */
  changeFailureRate?: number;
  /** A failure to the next success (a deploy that rolled itself back: restored at its own finish). */
  timeToRestore: Figure & { open: number };
  /** A deploy run from start to finish (records only). */
  duration: Figure;
  /** Deployments without a nuzantara record: counted by their statuses alone. */
  unrecorded: number;
  bands: Partial<Record<'deploymentFrequency' | 'leadTime' | 'changeFailureRate' | 'timeToRestore', Band>>;
}

export interface SecretAge {
  app: string;
  name: string;
  /** Since the oldest record in an unbroken run holding this digest. */
  ageMs: number;
  since: string;
  /** The run reaches the oldest record read: the value may be older still. */
  atLeast: boolean;
  overdue: boolean;
}
