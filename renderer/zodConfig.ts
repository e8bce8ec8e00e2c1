/**
 * Zod without its compiled fast path, in the window. The window's Content-Security-Policy
 * (resources/csp.json) allows no `eval`, so Zod cannot compile its parsers there: it finds that
 * out by trying `new Function` once, which the policy refuses, and falls back to these parsers.
 * Said here, the browser build, the end-to-end tests and the benchmarks (served without that
 * policy) run the same parsers the desktop window does, and the window skips the probe.
 * Imported first by main.tsx, so it is set before any schema parses.
 */
import { z } from 'zod';

z.config({ jitless: true });
