// Starts the built app in Electron. Without the Electron binary (an offline install skips its
// download), `require('electron')` throws a long stack; say in one line what to do instead.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const projectDir = fileURLToPath(new URL('..', import.meta.url));
const MISSING =
  'Passerelle: the Electron binary is not installed here (offline install). ' +
  'Run "npm run web" to use Passerelle in a browser, or reinstall with internet access.';

const findElectron = () => {
  try {
    const binary = createRequire(import.meta.url)('electron');
    return typeof binary === 'string' && existsSync(binary) ? binary : undefined;
  } catch {
    return undefined;
  }
};

const binary = findElectron();
if (binary === undefined) {
  console.error(MISSING);
  process.exit(1);
}

// ELECTRON_RUN_AS_NODE (set by some editors' terminals) would start a bare Node, not the app.
const env = { ...process.env, ELECTRON_RUN_AS_NODE: undefined };
const child = spawn(binary, [projectDir], { stdio: 'inherit', env });
child.on('error', (error) => {
  console.error(`Passerelle: could not start Electron (${error.message}).`);
  process.exit(1);
});
// A signal-killed Electron has no exit code; report it as a failure.
child.on('exit', (code) => process.exit(code ?? 1));
