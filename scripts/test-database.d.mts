export function createTestDatabase(baseUrl?: string): Promise<{ provider: 'sqlite' | 'postgresql'; url: string; drop(): Promise<void> }>;
