/**
 * Started as the window's code starts running (main.tsx imports this third): the database
 * opens, the directory's first page is read, and what the first render needs (early.ts), while
 * the rest of the code is evaluated and the strings arrive (issue 15, cold start). Nothing read
 * here is shown until the directory asks for it as the logged-in user.
 */
import { getDb } from '../data/db';
import { readFirstPageEarly } from '../data/repositories/directoryCache';
import { createSessionStore } from '../features/accounts/sessionStore';
import { platform } from '../platform';
import { readEarly } from './early';

const db = getDb();
// An open that fails is tried again, and its error shown, by the first screen that reads.
void db.open().catch(() => undefined);
readFirstPageEarly(db);

/** Resolves when the early reads are done, or failed: never rejects. */
export const earlyData: Promise<void> = readEarly(db, createSessionStore(db, platform()));
