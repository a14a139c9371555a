/**
 * scripts/deployment/deploy-local.sh without Docker: --help, a clear message and a non-zero exit when Docker
 * or Compose is missing, and the Compose commands it runs (recorded by a fake `docker`).
 */
import { afterAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const script = join(repoRoot, 'scripts/deployment/deploy-local.sh');
const bash = ['/bin/bash', '/usr/bin/bash'].find((path) => existsSync(path)) as string;
const composeFile = join(repoRoot, 'apps/compose.yaml');

const temp = mkdtempSync(join(tmpdir(), 'deploy-local-test-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

// A `docker` that records its arguments; FAKE_COMPOSE=missing and FAKE_DAEMON=down make it fail like
// a client without the Compose plugin or without a reachable daemon.
const fakeBin = join(temp, 'bin');
const fakeLog = join(temp, 'docker.log');
const fakeDocker = `#!/bin/sh
printf '%s\\n' "$*" >> "$FAKE_DOCKER_LOG"
case "$1" in
  compose)
    if [ "$FAKE_COMPOSE" = missing ]; then echo "docker: unknown command: docker compose" >&2; exit 1; fi
    case "$*" in
      *"compose version"*) echo "Docker Compose version v2.29.7" ;;
      *"config --services"*) printf 'postgres\\nredis\\nnuzantara-rag\\n' ;;
      *" ps "*) printf '%b' "$FAKE_PS" ;;
    esac ;;
  info)
    if [ "$FAKE_DAEMON" = down ]; then echo "Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?" >&2; exit 1; fi
    echo 28.2.2 ;;
esac
`;
mkdirSync(fakeBin);
writeFileSync(join(fakeBin, 'docker'), fakeDocker);
chmodSync(join(fakeBin, 'docker'), 0o755);
const emptyBin = join(temp, 'empty');
mkdirSync(emptyBin);

function run(args: string[], env: Record<string, string> = {}, path = fakeBin) {
  writeFileSync(fakeLog, '');
  const result = spawnSync(bash, [script, ...args], {
    // Only the fake docker (or nothing) on PATH: the script must not need anything else to get this far.
    env: { PATH: path, FAKE_DOCKER_LOG: fakeLog, ...env },
    input: '', // not a terminal
    encoding: 'utf8',
    timeout: 20_000,
  });
  const calls = readFileSync(fakeLog, 'utf8')
    .split('\n')
    .filter((line) => line && !/^(compose version|info)/.test(line));
  return { ...result, calls };
}

describe('deploy-local.sh', () => {
  it('--help lists the commands and needs no Docker', () => {
    const result = run(['--help'], {}, emptyBin);
    expect(result.status).toBe(0);
    for (const word of ['up', 'down', 'status', 'logs [service]', 'clean', '--yes'])
      expect(result.stdout).toContain(word);
    expect(result.stdout).toContain('http://localhost:3001');
    expect(result.stdout).toContain('local-stack.mjs');
  });

  it('says Docker is missing, and what to do instead, when there is no docker', () => {
    const result = run(['up'], {}, emptyBin);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("Docker is missing: no 'docker' on PATH");
    expect(result.stderr).toContain('node scripts/deployment/local-stack.mjs');
  });

  it('says Compose is missing when `docker compose version` fails', () => {
    const result = run(['status'], { FAKE_COMPOSE: 'missing' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("Docker Compose v2 is missing: 'docker compose version' fails");
    expect(result.stderr).toContain('docker-compose-plugin');
    expect(result.calls).toEqual([]); // nothing ran after the version probe
  });

  it('says the daemon is not reachable, with Docker’s reason', () => {
    const result = run(['up'], { FAKE_DAEMON: 'down' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      'the Docker daemon is not reachable (Cannot connect to the Docker daemon',
    );
  });

  it('rejects unknown commands and options with exit 2', () => {
    expect(run([]).status).toBe(2);
    expect(run(['deploy']).stderr).toContain("unknown command 'deploy'");
    expect(run(['up', '--timeout', 'soon']).status).toBe(2);
    expect(run(['logs', 'redis', 'postgres']).status).toBe(2);
  });

  it('up builds and waits for every health check of apps/compose.yaml', () => {
    const result = run(['up', '--timeout', '90'], {
      FAKE_PS: 'postgres running healthy\nredis running healthy\nnuzantara-rag running healthy\n',
    });
    expect(result.status).toBe(0);
    expect(result.calls[0]).toBe(
      `compose --file ${composeFile} up --detach --build --wait --wait-timeout 90`,
    );
    expect(result.stdout).toContain('Grafana          http://localhost:3001');
  });

  it('status shows each service and fails unless all are running and healthy', () => {
    const healthy = run(['status'], {
      FAKE_PS: 'postgres running healthy\nredis running healthy\nnuzantara-rag running healthy\n',
    });
    expect(healthy.status).toBe(0);
    expect(healthy.stdout).toMatch(/redis\s+running\s+healthy/);

    const sick = run(['status'], { FAKE_PS: 'postgres running healthy\nredis running unhealthy\n' });
    expect(sick.status).toBe(1);
    expect(sick.stdout).toMatch(/redis\s+running\s+unhealthy/);
    expect(sick.stdout).toMatch(/nuzantara-rag\s+not created/);

    const none = run(['status'], { FAKE_PS: '' });
    expect(none.status).toBe(1);
    expect(none.stdout).toContain('The local stack is not running');
  });

  it('logs follows one service, and names the services when asked for an unknown one', () => {
    const one = run(['logs', 'redis']);
    expect(one.status).toBe(0);
    expect(one.calls).toContain(`compose --file ${composeFile} logs --tail 200 --follow redis`);
    const unknown = run(['logs', 'kafka']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain(
      "no service 'kafka' in apps/compose.yaml; services: postgres, redis, nuzantara-rag",
    );
  });

  it('down keeps the volumes; clean removes them only after a yes', () => {
    expect(run(['down']).calls).toEqual([`compose --file ${composeFile} down --remove-orphans`]);
    const refused = run(['clean']);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('run: deploy-local.sh clean --yes');
    expect(refused.calls).toEqual([]);
    const cleaned = run(['clean', '--yes']);
    expect(cleaned.status).toBe(0);
    expect(cleaned.calls).toEqual([
      `compose --file ${composeFile} down --volumes --remove-orphans --rmi local`,
    ]);
  });
});
