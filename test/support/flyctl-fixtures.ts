/** Replies shaped exactly as flyctl-contract §2, §3, §5, §10, §11 document them (4-space indent). */

export const pretty = (value: unknown): string => `${JSON.stringify(value, null, 4)}\n`;

export function release(version: number, status: string, imageRef: string) {
  return {
    ID: `rel_${version}`,
    Version: version,
    Stable: status === 'complete',
    InProgress: false,
    Reason: '',
    Description: `Release v${version}`,
    Status: status,
    DeploymentStrategy: '',
    Metadata: null,
    User: { ID: 'u1', Name: 'CI', Email: 'ci@example.com', EnablePaidHobby: false },
    EvaluationID: '',
    CreatedAt: '2026-11-27T07:00:00Z',
    ImageRef: imageRef,
  };
}

export interface MachineOptions {
  id?: string;
  version?: number;
  image?: string;
  state?: string;
  checks?: { name: string; status: string; output?: string }[];
  group?: string;
  hostStatus?: string;
}

export function machine(options: MachineOptions = {}) {
  const image = options.image ?? 'registry.fly.io/demo:deployment-01J2';
  return {
    id: options.id ?? '148e21ea7d9e89',
    name: 'withered-snow-123',
    state: options.state ?? 'started',
    region: 'sin',
    image_ref: {
      registry: 'registry.fly.io',
      repository: 'demo',
      tag: 'deployment-01J2',
      digest: '',
      labels: {},
    },
    instance_id: '01J2',
    version: '01J2',
    private_ip: 'fdaa::2',
    created_at: '2026-11-27T07:00:00Z',
    updated_at: '2026-11-27T07:00:00Z',
    config: {
      image,
      env: {},
      metadata: {
        fly_release_version: String(options.version ?? 4),
        fly_release_id: 'rel_4',
        fly_process_group: options.group ?? 'app',
        fly_platform_version: 'v2',
        fly_flyctl_version: '0.4.87',
      },
      services: [{ internal_port: 8080, checks: [{ type: 'http', path: '/health' }] }],
      checks: {},
    },
    events: [],
    checks: (options.checks ?? [{ name: 'servicecheck-00-http-8080', status: 'passing' }]).map((c) => ({
      output: '',
      updated_at: '2026-11-27T07:00:00Z',
      ...c,
    })),
    host_status: options.hostStatus ?? 'ok',
    cordoned: false,
  };
}

export function status(version: number, machines: unknown[]) {
  return {
    ID: 'demo',
    Name: 'demo',
    Deployed: true,
    Status: 'deployed',
    Hostname: 'demo.fly.dev',
    Version: version,
    AppURL: 'https://demo.fly.dev',
    Organization: {
      ID: 'o1',
      InternalNumericID: '1',
      Name: 'Org',
      Slug: 'org',
      RawSlug: 'org',
      PaidPlan: true,
    },
    PlatformVersion: 'machines',
    Machines: machines,
  };
}
