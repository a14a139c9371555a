export function listFiles(dir: string, prefix?: string): string[];
export function buildFingerprint(root: string): string;
