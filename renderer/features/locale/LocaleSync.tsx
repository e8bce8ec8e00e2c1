/**
 * Applies the language that belongs on screen: the logged-in user's own choice; at the login
 * screen, the office default. A user without a choice of their own keeps the language they
 * logged in with, and it becomes theirs, so the next user of the computer does not change it.
 */
import { useEffect } from 'react';
import { useData } from '../../app/data';
import { useLocale } from '../../app/i18n';
import { useSession } from '../accounts/session';

export const LocaleSync = () => {
  const { repos, office } = useData();
  const { state, user } = useSession();
  const { prefs, setPrefs } = useLocale();
  const status = state.status;
  const userId = user?.id;
  useEffect(() => {
    let live = true;
    if (userId) {
      void repos.locale.getOwn().then((own) => {
        if (!live) return;
        if (own) setPrefs(own);
        else void repos.locale.setOwn(prefs);
      });
    } else if (status === 'anonymous' && office) {
      void repos.locale.getOfficeDefault().then((p) => live && p && setPrefs(p));
    }
    return () => {
      live = false;
    };
    // Runs when who is at the keyboard changes, not on each change of language.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [repos, userId, status, office?.officeCode]);
  return null;
};
