// Injected at build time by esbuild's `define`; read from package.json when running from source.
declare const __LADDER_VERSION__: string | undefined;

export const appVersion: string = typeof __LADDER_VERSION__ === 'string' ? __LADDER_VERSION__ : '0.0.0-dev';
