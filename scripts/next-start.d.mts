export function heapMegabytes(value?: string): number;
export function nextStartArgs(port: number | string): string[];
export function serverEnvironment(env?: Record<string, string | undefined>): Record<string, string | undefined>;
