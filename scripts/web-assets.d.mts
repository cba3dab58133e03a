// Types for scripts/web-assets.mjs, which tests and the build share.
export function makeIcons(webDir: string): Promise<void>;
export function compressWeb(webDir: string): number;
export function finishWeb(webDir: string): Promise<number>;
