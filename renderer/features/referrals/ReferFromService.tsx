/**
 * The referrals panel on a service's page: refer a person here (the service preselected), and
 * how many referrals already went to it, with a link to the register filtered on it.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import type { Service } from '@shared/domain/directory/schema';
import { EMPTY_REFERRAL_FILTERS } from '@shared/domain/referrals/filter';
import { useData } from '../../app/data';
import { useT } from '../../app/i18n';
import { href } from '../../app/router';
import { useSession } from '../accounts/session';

export const ReferFromService = ({ service }: { service: Service }) => {
  const t = useT();
  const { repos } = useData();
  const { can } = useSession();
  const count = useLiveQuery(
    () => repos.referrals.countForService(service.id),
    [repos, service.id],
  );
  const showRegister = () =>
    sessionStorage.setItem(
      'passerelle.referralFilters',
      JSON.stringify({ ...EMPTY_REFERRAL_FILTERS, serviceId: service.id }),
    );
  // Roles that neither refer nor read referrals (administrator, viewer) see no panel at all.
  if (!can('referral.create') && !can('referral.view')) return null;
  return (
    <section className="panel tight refer-panel" aria-labelledby="refer-title">
      <h2 id="refer-title">{t('referrals.title')}</h2>
      {can('referral.create') && (
        <a className="button primary" href={href({ name: 'referralNew', serviceId: service.id })}>
          {t('referrals.referHere')}
        </a>
      )}
      {count !== undefined && (
        <p className="muted">
          {count > 0 ? (
            <a href={href({ name: 'referrals' })} onClick={showRegister}>
              {t('referrals.serviceReferrals', { count })}
            </a>
          ) : (
            t('referrals.serviceReferrals', { count })
          )}
        </p>
      )}
    </section>
  );
};
