/**
 * A small hash router: the app is served from a file-like origin (app:// or a static build), so
 * the route lives in the hash. Routes are typed; screens link with `href(route)`.
 */
import { useSyncExternalStore } from 'react';

export type Route =
  | { name: 'directory' }
  | { name: 'service'; id: string }
  | { name: 'serviceNew' }
  | { name: 'serviceEdit'; id: string }
  | { name: 'settings' }
  | { name: 'other'; path: string };

export const parseRoute = (hash: string): Route => {
  const path = hash.replace(/^#/, '') || '/directory';
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'directory' && parts.length === 1) return { name: 'directory' };
  if (parts[0] === 'services' && parts[1] === 'new') return { name: 'serviceNew' };
  if (parts[0] === 'services' && parts[1] && parts[2] === 'edit')
    return { name: 'serviceEdit', id: parts[1] };
  if (parts[0] === 'services' && parts[1]) return { name: 'service', id: parts[1] };
  if (parts[0] === 'settings') return { name: 'settings' };
  return { name: 'other', path };
};

export const href = (route: Route): string => {
  switch (route.name) {
    case 'directory':
      return '#/directory';
    case 'service':
      return `#/services/${encodeURIComponent(route.id)}`;
    case 'serviceNew':
      return '#/services/new';
    case 'serviceEdit':
      return `#/services/${encodeURIComponent(route.id)}/edit`;
    case 'settings':
      return '#/settings';
    case 'other':
      return `#${route.path}`;
  }
};

export const navigate = (route: Route) => {
  window.location.hash = href(route);
};

const subscribe = (cb: () => void) => {
  window.addEventListener('hashchange', cb);
  return () => window.removeEventListener('hashchange', cb);
};

/** The current hash path, e.g. "/map"; features with their own routes match on it. */
export const useHashPath = (): string =>
  useSyncExternalStore(subscribe, () => window.location.hash.replace(/^#/, '') || '/directory');

export const useRoute = (): Route => parseRoute(useHashPath());
