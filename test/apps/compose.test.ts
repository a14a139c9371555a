/**
 * The Docker Compose stack (apps/compose.yaml) without Docker: the file parses, names every service with
 * the seed's ports and a health check, pins its images, and its Prometheus and Grafana files fit it.
 */
import { describe, expect, it } from '@jest/globals';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const appsDir = join(repoRoot, 'apps');
const read = (path: string) => readFileSync(join(appsDir, path), 'utf8');

interface Service {
  image?: string;
  build?: string | { context: string };
  ports?: string[];
  environment?: Record<string, string>;
  volumes?: string[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[]; interval: string; timeout: string; retries: number };
}
interface Compose {
  name: string;
  services: Record<string, Service>;
  volumes?: Record<string, unknown>;
}

const compose = parse(read('compose.yaml'), { uniqueKeys: true }) as Compose;
const services = compose.services;

/** "127.0.0.1:3001:3000" -> { host: 3001, container: 3000 }. */
function portMappings(service: Service) {
  return (service.ports ?? []).map((spec) => {
    const parts = String(spec).split(':');
    return {
      host: Number(parts.at(-2)),
      container: Number(parts.at(-1)),
      bind: parts.length === 3 ? parts[0] : '',
    };
  });
}

const APPS = { 'nuzantara-rag': 8000, 'nuzantara-mouth': 3000 } as const;
const SEED_PORTS: Record<string, number> = {
  ...APPS,
  postgres: 5432,
  redis: 6379,
  prometheus: 9090,
  grafana: 3001,
  jaeger: 16686,
};

describe('apps/compose.yaml', () => {
  it('parses and names every service of the local stack', () => {
    expect(compose.name).toBe('nuzantara');
    expect(Object.keys(services).sort()).toEqual(Object.keys(SEED_PORTS).sort());
  });

  it.each(Object.entries(SEED_PORTS))('%s publishes port %d on loopback', (name, port) => {
    const mappings = portMappings(services[name] as Service);
    expect(mappings.map((m) => m.host)).toContain(port);
    for (const mapping of mappings) expect(mapping.bind).toBe('127.0.0.1');
  });

  it.each(Object.keys(SEED_PORTS))('%s has a health check', (name) => {
    const check = (services[name] as Service).healthcheck;
    expect(check?.test?.[0]).toMatch(/^CMD(-SHELL)?$/);
    expect((check?.test ?? []).length).toBeGreaterThan(1);
    expect(check?.interval).toMatch(/^\d+s$/);
    expect(check?.timeout).toMatch(/^\d+s$/);
    expect(check?.retries).toBeGreaterThan(0);
  });

  it("checks the apps on their own /health and port, as fly.toml's checks do", () => {
    for (const [name, port] of Object.entries(APPS)) {
      const test = ((services[name] as Service).healthcheck?.test ?? []).join(' ');
      expect(test).toContain(`http://127.0.0.1:${port}/health`);
    }
  });

  it('pins every image to a version (no latest), and builds the apps from Dockerfiles that pin theirs', () => {
    const pinned = /^[a-z0-9./_-]+:(?!latest$)[\w.-]*\d[\w.-]*(@sha256:[0-9a-f]{64})?$/;
    for (const [name, service] of Object.entries(services)) {
      if (service.build) {
        const context = typeof service.build === 'string' ? service.build : service.build.context;
        const dockerfile = readFileSync(join(appsDir, context, 'Dockerfile'), 'utf8');
        const bases = [...dockerfile.matchAll(/^FROM\s+(\S+)/gm)].map((m) => m[1] as string);
        expect(bases.length).toBeGreaterThan(1); // multi-stage
        for (const base of bases) expect(`${name}: ${base}`).toMatch(/: [^\s]+:(?!latest)[\w.-]*\d/);
      } else {
        expect(`${name}: ${service.image}`).toMatch(new RegExp(`^${name}: ${pinned.source.slice(1)}`));
      }
    }
  });

  it('wires the apps to PostgreSQL, Redis, Jaeger and each other, starting each after what it needs', () => {
    const rag = services['nuzantara-rag'] as Service;
    const mouth = services['nuzantara-mouth'] as Service;
    expect(rag.environment?.DATABASE_URL).toMatch(/^postgresql:\/\/[^@]+@postgres:5432\//);
    expect(rag.environment?.REDIS_URL).toBe('redis://redis:6379/0');
    expect(rag.environment?.OTEL_EXPORTER_OTLP_ENDPOINT).toBe('http://jaeger:4318');
    expect(mouth.environment?.BACKEND_URL).toBe('http://nuzantara-rag:8000');
    expect(rag.depends_on).toMatchObject({
      postgres: { condition: 'service_healthy' },
      redis: { condition: 'service_healthy' },
    });
    expect(mouth.depends_on).toMatchObject({ 'nuzantara-rag': { condition: 'service_healthy' } });
  });

  it('mounts files that exist and declares its named volumes', () => {
    for (const service of Object.values(services)) {
      for (const volume of service.volumes ?? []) {
        const source = volume.split(':')[0] as string;
        if (source.startsWith('.')) expect(existsSync(join(appsDir, source))).toBe(true);
        else expect(Object.keys(compose.volumes ?? {})).toContain(source);
      }
    }
  });
});

describe('apps/observability', () => {
  interface ScrapeConfig {
    job_name: string;
    metrics_path?: string;
    static_configs: { targets: string[] }[];
  }
  const prometheus = parse(read('observability/prometheus/prometheus.yml')) as {
    scrape_configs: ScrapeConfig[];
  };

  it("Prometheus scrapes both apps' /metrics at their Compose service and port", () => {
    for (const [app, port] of Object.entries(APPS)) {
      const job = prometheus.scrape_configs.find((c) => c.job_name === app);
      expect(job).toBeDefined();
      expect(job?.metrics_path ?? '/metrics').toBe('/metrics');
      expect(job?.static_configs.flatMap((s) => s.targets)).toEqual([`${app}:${port}`]);
    }
  });

  it('mounts that Prometheus config where Prometheus reads it', () => {
    const prom = services.prometheus as Service;
    expect(prom.volumes).toContain(
      './observability/prometheus/prometheus.yml:/etc/prometheus/prometheus.yml:ro',
    );
  });

  it('provisions Grafana with the Prometheus data source and the dashboards folder it mounts', () => {
    const datasources = parse(read('observability/grafana/provisioning/datasources/datasources.yaml')) as {
      datasources: { type: string; uid: string; url: string; isDefault?: boolean }[];
    };
    const prom = datasources.datasources.find((d) => d.type === 'prometheus');
    expect(prom).toMatchObject({ uid: 'prometheus', url: 'http://prometheus:9090', isDefault: true });
    expect(datasources.datasources.find((d) => d.type === 'jaeger')?.url).toBe('http://jaeger:16686');

    const providers = parse(read('observability/grafana/provisioning/dashboards/dashboards.yaml')) as {
      providers: { type: string; options: { path: string } }[];
    };
    const path = providers.providers[0]?.options.path;
    expect((services.grafana as Service).volumes).toContain(`./observability/grafana/dashboards:${path}:ro`);
  });

  it('has a dashboard for the two apps whose queries use metrics the apps export', () => {
    const dir = join(appsDir, 'observability/grafana/dashboards');
    const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
    expect(files).toEqual(['nuzantara.json']);
    const dashboard = JSON.parse(readFileSync(join(dir, 'nuzantara.json'), 'utf8')) as {
      uid: string;
      title: string;
      panels: { title: string; datasource: { uid: string }; targets: { expr: string }[] }[];
    };
    expect(dashboard.uid).toBeTruthy();
    const exprs = dashboard.panels.flatMap((p) => p.targets.map((t) => t.expr));
    expect(dashboard.panels.every((p) => p.datasource.uid === 'prometheus')).toBe(true);
    const all = exprs.join('\n');
    expect(all).toContain('nuzantara-rag');
    expect(all).toContain('nuzantara-mouth');
    expect(all).toMatch(/\brag_http_requests_total\b/);
    expect(all).toMatch(/\bmouth_http_requests_total\b/);

    // Every app metric a panel queries is defined in the app's code (names without Prometheus suffixes).
    const sources =
      read('backend-rag/rag/metrics.py') + readFileSync(join(appsDir, 'mouth/src/metrics.mjs'), 'utf8');
    const used = new Set([...all.matchAll(/\b((?:rag|mouth)_[a-z_]+)/g)].map((m) => m[1] as string));
    for (const metric of used) {
      const base = metric.replace(/_(total|bucket|count|sum)$/, '');
      expect(`${metric}: ${sources.includes(`"${base}`) || sources.includes(`'${base}`)}`).toBe(
        `${metric}: true`,
      );
    }
  });
});
