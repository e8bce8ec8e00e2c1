// First: how every schema parses in the window (no eval under its CSP).
import './zodConfig';
// Second: starts fetching the interface language's strings while the rest is evaluated.
import { firstMessages } from './app/firstMessages';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// The base rules and the shared panel/table rules first: each feature's own stylesheet
// (imported by the feature) comes after, and so overrides them where it says something else.
import './ui/styles.css';
import './ui/panels.css';
import { App } from './app/App';

// Nothing is drawn before the strings are there: no flash of message ids.
await firstMessages;
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
