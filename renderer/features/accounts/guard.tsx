/**
 * Route guard (issue 7): which action a screen needs, by the path in the hash. Matching on the
 * path rather than on the typed Route lets it cover screens other features add, and the NAV
 * uses the same table, so a menu never offers what the guard would refuse.
 */
import type { ReactNode } from 'react';
import type { Action, Subject } from '@shared/domain/accounts/permissions';
import { can } from '@shared/domain/accounts/permissions';
import { useT } from '../../app/i18n';
import { useHashPath } from '../../app/router';
import { useSession } from './session';

/** First match wins; a route needs any one of its actions. Unknown paths show the directory. */
const ROUTE_ACTIONS: readonly [RegExp, readonly Action[]][] = [
  [/^\/account$/, []],
  [/^\/services\/new$/, ['directory.edit']],
  [/^\/services\/[^/]+\/edit$/, ['directory.edit']],
  [/^\/(directory|services|map)(\/|$)/, ['directory.view']],
  [/^\/(capacity|dashboard)(\/|$)/, ['capacity.view']],
  [/^\/referrals\/new(\/|$)/, ['referral.create']],
  [/^\/referrals\/[^/]+\/edit$/, ['referral.create']],
  [/^\/referrals\/[^/]+\/letters(\/|$)/, ['letter.generate']],
  [/^\/referrals(\/|$)/, ['referral.view']],
  [/^\/letters(\/|$)/, ['letter.generate']],
  [/^\/exchange(\/|$)/, ['exchange.import', 'exchange.export', 'backup']],
  [/^\/users(\/|$)/, ['users.manage']],
  [/^\/audit(\/|$)/, ['audit.view']],
  // Sync status and conflicts: administrators and coordinators (issue 13); sync settings and
  // partner trust live in Settings, the administrator's.
  [/^\/sync(\/|$)/, ['sync.status']],
  [/^\/settings(\/|$)/, ['settings.manage']],
  [/^\/screening\/settings$/, ['screening.configure']],
  // The interview, a worker's own screenings and one of them, a screening resumed.
  [/^\/screening(\/(history|resume)(\/[^/]+)?)?$/, ['screening.use']],
  [/^\/statistics(\/|$)/, ['statistics.view']],
];

export const routeActions = (path: string): readonly Action[] => {
  const clean = path.replace(/^#/, '').split('?')[0] || '/directory';
  return ROUTE_ACTIONS.find(([pattern]) => pattern.test(clean))?.[1] ?? ['directory.view'];
};

export const mayOpen = (subject: Subject | null | undefined, path: string): boolean => {
  if (!subject) return false;
  const actions = routeActions(path);
  return actions.length === 0 || actions.some((a) => can(subject, a));
};

export const NotAllowed = () => {
  const t = useT();
  const { user } = useSession();
  return (
    <div className="not-allowed" role="alert">
      <h1 tabIndex={-1}>{t('session.notAllowed')}</h1>
      <p>{t('session.notAllowedText', { role: user ? t(`role.${user.role}`) : '' })}</p>
    </div>
  );
};

/** Renders the screen only when the logged-in user may open the current path. */
export const RouteGuard = ({ children }: { children: ReactNode }) => {
  const path = useHashPath();
  const { user } = useSession();
  return mayOpen(user, path) ? children : <NotAllowed />;
};
