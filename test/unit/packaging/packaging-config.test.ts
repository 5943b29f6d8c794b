// The packaged app's hardening lives in electron-builder.yml: the fuses that stop the binary from
// being used as a Node runtime or loading code from outside its checked app.asar, and signing
// settings that take their secrets from the environment only.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { repoRoot } from '../../helpers/temp';

const text = readFileSync(join(repoRoot, 'electron-builder.yml'), 'utf8');
const config = parse(text) as Record<string, any>;

describe('electron-builder.yml', () => {
  it('flips every fuse the issue names', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    });
    expect(config.asar).toBe(true);
  });

  it('notarises with the hardened runtime, and holds no secret itself', () => {
    expect(config.mac).toMatchObject({ hardenedRuntime: true, notarize: true });
    expect(text).not.toMatch(/password\s*:|cscKeyPassword|appleIdPassword|BEGIN (?:RSA )?PRIVATE KEY/i);
    expect(readFileSync(join(repoRoot, 'docs', 'SIGNING.md'), 'utf8')).toMatch(/CSC_LINK.*APPLE_TEAM_ID/s);
  });
});
