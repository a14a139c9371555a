import { runCommand, type CommandResult } from './command.js';

/** Whether a Docker engine answers (the client alone is not enough to build). */
export async function dockerEngineReachable(): Promise<{ reachable: boolean; reason: string }> {
  const result = await runCommand('docker', ['info', '--format', '{{.ServerVersion}}']);
  if (result.exitCode === 127) return { reachable: false, reason: 'the docker command is not installed' };
  if (result.exitCode !== 0)
    return { reachable: false, reason: 'no Docker engine is reachable (docker info failed)' };
  return { reachable: true, reason: `Docker engine ${result.stdout.trim()}` };
}

export function dockerBuild(dockerfile: string, context: string): Promise<CommandResult> {
  return runCommand('docker', ['build', '--file', dockerfile, '--progress', 'plain', context]);
}
