// First: how every schema parses in the window (no eval under its CSP).
import './zodConfig';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// The base rules and the shared panel/table rules first: each feature's own stylesheet
// (imported by the feature) comes after, and so overrides them where it says something else.
import './ui/styles.css';
import './ui/panels.css';
import { App } from './app/App';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
