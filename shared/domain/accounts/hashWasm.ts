/**
 * The three functions of hash-wasm the app uses, in a module of their own that is imported on
 * demand (password.ts, renderer/data/journal.ts): its WebAssembly, inlined, is ~40 kB that a
 * window's start does not need (issue 15, cold start). Importing the package itself on demand
 * would bring all of it (200 kB), as a dynamic import cannot say which functions it takes.
 */
export { argon2id, argon2Verify, createSHA256 } from 'hash-wasm';
