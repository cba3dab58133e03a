export function pgBin(): string;
export function startThrowawayPg(): Promise<{ url: string; version: string; stop: () => void }>;
