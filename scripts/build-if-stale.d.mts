export const root: string;
export function sourceFingerprint(): string;
export function buildIfStale(): boolean;
