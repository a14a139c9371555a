/**
 * Container policy from the seed's container security rules: a multi-stage build whose final stage runs
 * as a non-root user on a pinned, minimal base image. Parsed with dockerfile-ast (the VS Code Docker parser).
 */
import { DockerfileParser, type From } from 'dockerfile-ast';
import type { Finding } from '../shared/findings.js';

const MINIMAL = /(alpine|slim|distroless|scratch|chainguard|wolfi|micro|minimal|busybox)/i;
const ROOT_USERS = new Set(['root', '0', 'root:root', '0:0', 'root:0', '0:root']);

interface Stage {
  from: From;
  line: number;
  name: string | undefined;
  user: { value: string; line: number } | undefined;
}

export function checkDockerfile(source: string, file: string): Finding[] {
  const findings: Finding[] = [];
  const add = (f: Omit<Finding, 'file'>) => findings.push({ file, ...f });
  const dockerfile = DockerfileParser.parse(source);
  const froms = dockerfile.getFROMs();
  if (froms.length === 0) {
    add({
      rule: 'docker/no-from',
      severity: 'error',
      line: 1,
      message: 'The Dockerfile has no FROM instruction.',
      fix: 'Start each stage with FROM <image>:<tag>.',
    });
    return findings;
  }

  const stages: Stage[] = froms.map((from) => ({
    from,
    line: from.getRange().start.line + 1,
    name: from.getBuildStage()?.toLowerCase() ?? undefined,
    user: undefined,
  }));
  for (const instruction of dockerfile.getInstructions()) {
    if (instruction.getKeyword() !== 'USER') continue;
    const line = instruction.getRange().start.line + 1;
    const stage = [...stages].reverse().find((s) => s.line <= line);
    if (stage) stage.user = { value: instruction.getArgumentsContent()?.trim() ?? '', line };
  }
  const stageNames = new Set(stages.map((s) => s.name).filter(Boolean));

  for (const stage of stages) {
    const image = stage.from.getImageName() ?? '';
    const ref = stage.from.getImage() ?? '';
    if (image === '' || stageNames.has(image.toLowerCase()) || image === 'scratch') continue;
    if (ref.includes('$')) {
      add({
        rule: 'docker/unresolved-base',
        severity: 'warning',
        line: stage.line,
        message: `FROM ${ref} uses a build argument, so its pin cannot be checked.`,
        fix: 'Give the ARG a pinned default (e.g. ARG BASE=python:3.12-slim) or write the image directly.',
      });
      continue;
    }
    const tag = stage.from.getImageTag();
    const digest = stage.from.getImageDigest();
    if (!digest && (!tag || tag === 'latest')) {
      add({
        rule: 'docker/unpinned-base',
        severity: 'error',
        line: stage.line,
        message: `FROM ${ref} is not pinned: ${tag ? '`latest`' : 'no tag means `latest`'}, which changes under you between builds.`,
        fix: `Pin a version, e.g. FROM ${image}:<version>-slim, ideally with @sha256:<digest>.`,
      });
    } else if (!digest) {
      add({
        rule: 'docker/digest',
        severity: 'notice',
        line: stage.line,
        message: `FROM ${ref} is pinned by tag only; a tag can be re-pushed.`,
        fix: `Add the digest: FROM ${ref}@sha256:<digest> (docker buildx imagetools inspect ${ref}).`,
      });
    }
  }

  const final = stages[stages.length - 1] as Stage;
  if (stages.length < 2) {
    add({
      rule: 'docker/multi-stage',
      severity: 'warning',
      line: final.line,
      message: 'Single-stage build: build tools and caches ship in the runtime image.',
      fix: 'Build in one stage (FROM … AS build) and COPY --from=build only what runs into a slim final stage.',
    });
  }

  // The final stage's user, inherited through stages it is built FROM.
  let stage: Stage | undefined = final;
  let user: Stage['user'];
  const seen = new Set<Stage>();
  while (stage && !seen.has(stage)) {
    seen.add(stage);
    if (stage.user) {
      user = stage.user;
      break;
    }
    const base: string | undefined = stage.from.getImageName()?.toLowerCase();
    const before: number = stage.line;
    stage = stages.find((s) => s.name !== undefined && s.name === base && s.line < before);
  }
  const finalBase = finalImage(stages, final);
  const nonRootBase = /nonroot/i.test(finalBase);
  if (!user && !nonRootBase) {
    add({
      rule: 'docker/root-user',
      severity: 'error',
      line: final.line,
      message: 'The final stage has no USER, so the app runs as root.',
      fix: 'Add a user and switch to it: RUN adduser -D app (or useradd) then USER app.',
    });
  } else if (user && ROOT_USERS.has(user.value.toLowerCase())) {
    add({
      rule: 'docker/root-user',
      severity: 'error',
      line: user.line,
      message: `The final stage runs as ${user.value}.`,
      fix: 'Switch to an unprivileged user: USER app (or a numeric uid such as 10001).',
    });
  }
  if (finalBase !== 'scratch' && !MINIMAL.test(finalBase)) {
    add({
      rule: 'docker/base-not-minimal',
      severity: 'warning',
      line: final.line,
      message: `The final stage is based on ${finalBase}, a full OS image with a larger attack surface.`,
      fix: 'Use a -slim, -alpine or distroless base for the runtime stage.',
    });
  }
  return findings;
}

/** The external image a stage ultimately builds on. */
function finalImage(stages: Stage[], stage: Stage): string {
  let current: Stage | undefined = stage;
  for (let i = 0; i < stages.length && current; i++) {
    const image = current.from.getImage() ?? '';
    const parent = stages.find(
      (s) =>
        s.name !== undefined &&
        s.name === current?.from.getImageName()?.toLowerCase() &&
        s.line < (current as Stage).line,
    );
    if (!parent) return image;
    current = parent;
  }
  return current?.from.getImage() ?? '';
}
