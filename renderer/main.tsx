import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// The base rules first: each feature's own stylesheet (imported by the feature) comes after.
import './ui/styles.css';
import { App } from './app/App';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
