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
  | { name: 'exchange' }
  | { name: 'map'; serviceId?: string }
  | { name: 'capacity'; serviceId?: string }
  | { name: 'dashboard' }
  | { name: 'referrals' }
  | { name: 'referralNew'; serviceId?: string }
  | { name: 'referral'; id: string }
  | { name: 'referralEdit'; id: string }
  | { name: 'letter'; referralId: string; letterId: string }
  | { name: 'sync' }
  | { name: 'syncConflict'; docId: string }
  | { name: 'users' }
  | { name: 'audit' }
  | { name: 'account' }
  | { name: 'screening'; resume?: string }
  | { name: 'screeningHistory' }
  | { name: 'screeningRecord'; id: string }
  | { name: 'screeningSettings' }
  | { name: 'statistics' }
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
  if (parts[0] === 'users' && parts.length === 1) return { name: 'users' };
  if (parts[0] === 'audit' && parts.length === 1) return { name: 'audit' };
  if (parts[0] === 'account' && parts.length === 1) return { name: 'account' };
  if (parts[0] === 'exchange') return { name: 'exchange' };
  if (parts[0] === 'statistics' && parts.length === 1) return { name: 'statistics' };
  if (parts[0] === 'sync' && parts[1] === 'conflicts' && parts[2])
    return { name: 'syncConflict', docId: parts[2] };
  if (parts[0] === 'sync') return { name: 'sync' };
  if (parts[0] === 'map' && parts.length === 1) return { name: 'map' };
  if (parts[0] === 'map' && parts[1] && parts.length === 2)
    return { name: 'map', serviceId: parts[1] };
  if (parts[0] === 'capacity') return { name: 'capacity', serviceId: parts[1] };
  if (parts[0] === 'dashboard') return { name: 'dashboard' };
  if (parts[0] === 'referrals') {
    if (parts.length === 1) return { name: 'referrals' };
    if (parts[1] === 'new') return { name: 'referralNew', serviceId: parts[2] };
    if (parts[1] && parts[2] === 'edit') return { name: 'referralEdit', id: parts[1] };
    if (parts[1] && parts[2] === 'letters' && parts[3])
      return { name: 'letter', referralId: parts[1], letterId: parts[3] };
    if (parts[1]) return { name: 'referral', id: parts[1] };
  }
  if (parts[0] === 'screening' && parts[1] === 'settings') return { name: 'screeningSettings' };
  if (parts[0] === 'screening' && parts.length === 1) return { name: 'screening' };
  if (parts[0] === 'screening' && parts[1] === 'resume' && parts[2] && parts.length === 3)
    return { name: 'screening', resume: parts[2] };
  if (parts[0] === 'screening' && parts[1] === 'history' && parts.length === 2)
    return { name: 'screeningHistory' };
  if (parts[0] === 'screening' && parts[1] === 'history' && parts[2] && parts.length === 3)
    return { name: 'screeningRecord', id: parts[2] };
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
    case 'exchange':
      return '#/exchange';
    case 'sync':
      return '#/sync';
    case 'syncConflict':
      return `#/sync/conflicts/${encodeURIComponent(route.docId)}`;
    case 'map':
      return route.serviceId ? `#/map/${encodeURIComponent(route.serviceId)}` : '#/map';
    case 'capacity':
      return route.serviceId ? `#/capacity/${encodeURIComponent(route.serviceId)}` : '#/capacity';
    case 'dashboard':
      return '#/dashboard';
    case 'referrals':
      return '#/referrals';
    case 'referralNew':
      return route.serviceId
        ? `#/referrals/new/${encodeURIComponent(route.serviceId)}`
        : '#/referrals/new';
    case 'referral':
      return `#/referrals/${encodeURIComponent(route.id)}`;
    case 'referralEdit':
      return `#/referrals/${encodeURIComponent(route.id)}/edit`;
    case 'letter':
      return `#/referrals/${encodeURIComponent(route.referralId)}/letters/${encodeURIComponent(route.letterId)}`;
    case 'users':
      return '#/users';
    case 'audit':
      return '#/audit';
    case 'account':
      return '#/account';
    case 'screening':
      return route.resume
        ? `#/screening/resume/${encodeURIComponent(route.resume)}`
        : '#/screening';
    case 'screeningHistory':
      return '#/screening/history';
    case 'screeningRecord':
      return `#/screening/history/${encodeURIComponent(route.id)}`;
    case 'screeningSettings':
      return '#/screening/settings';
    case 'statistics':
      return '#/statistics';
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
