export function heapMegabytes(value?: string): number;
export function nextStartArgs(port: number | string): string[];
