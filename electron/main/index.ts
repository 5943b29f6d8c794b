// Electron entry point (dist/electron/main.js); all logic lives in app.ts and its helpers.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startDesktopApp } from './app';

startDesktopApp(join(dirname(fileURLToPath(import.meta.url)), '..'));
