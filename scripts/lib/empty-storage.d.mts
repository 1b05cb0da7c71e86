export function emptyExtensionStorage(): Promise<void>;
