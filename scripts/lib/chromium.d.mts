export class ChromiumNotFoundError extends Error {}
export function installHelp(): string;
export function findChromium(): string | null;
export function ensureChromium(options?: { log?: (msg: string) => void }): string;
