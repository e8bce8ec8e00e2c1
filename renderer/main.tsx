// First: how every schema parses in the window (no eval under its CSP).
import './zodConfig';
// Second: starts fetching the interface language's strings while the rest is evaluated.
import { firstMessages } from './app/firstMessages';
// Third: opens the database and reads what the first screen needs meanwhile too.
import { earlyData } from './app/earlyData';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// The base rules and the shared panel/table rules first: each feature's own stylesheet
// (imported by the feature) comes after, and so overrides them where it says something else.
import './ui/styles.css';
import './ui/panels.css';
import { App } from './app/App';

const EARLY_WAIT_MS = 250;

// Nothing is drawn before the strings are there: no flash of message ids.
await Promise.all([
  firstMessages,
  // Not longer than this: a database upgrade at the first start of a new version shows
  // "loading" rather than a blank window.
  Promise.race([earlyData, new Promise((resolve) => setTimeout(resolve, EARLY_WAIT_MS))]),
]);
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
