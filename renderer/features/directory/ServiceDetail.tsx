/** A service's page: everything a coordinator needs to decide and to call. */
import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { areaName } from '@shared/domain/directory/areas';
import { useData, useOffice } from '../../app/data';
import { useLocale, useT } from '../../app/i18n';
import { useFormatDate } from '../../ui/format';
import { isRedacted } from '@shared/domain/accounts/visibility';
import { useSession } from '../accounts/session';
import { CapacityPanel } from '../capacity/CapacityPanel';
import { NearbyPanel } from '../map/NearbyPanel';
import { ReferFromService } from '../referrals/ReferFromService';
import { href, navigate } from '../../app/router';
import { useLanguageName } from './Filters';
import { useAreas } from './useAreas';
import { regionName } from './useDirectory';
import { BackArrow } from '../../ui/BackArrow';
import { HandoverPanel } from './HandoverPanel';

const today = () => new Date().toISOString().slice(0, 10);

export const ServiceDetail = ({ id }: { id: string }) => {
  const t = useT();
  const langName = useLanguageName();
  const formatDate = useFormatDate();
  const { repos } = useData();
  const view = useLiveQuery(async () => (await repos.directory.getView(id)) ?? null, [repos, id]);
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState('');
  const { can } = useSession();
  const { locale } = useLocale();
  const areas = useAreas(useOffice().country);
  // A district in the interface language where a source names it, else its official name; an
  // area an administrator added is found too.
  const districtName = (code: string | undefined) => {
    const area = code ? areas.byCode(code) : undefined;
    return area ? areaName(area, locale) : (code ?? '');
  };

  if (view === undefined) return <p role="status">{t('status.loading')}</p>;
  if (view === null)
    return (
      <div>
        <h1 tabIndex={-1}>{t('status.notFound')}</h1>
        <a href={href({ name: 'directory' })}>{t('action.back')}</a>
      </div>
    );
  const { service: s, organization, locations } = view;
  const loc = locations[0];
  const none = t('service.none');
  const rows: [string, React.ReactNode][] = [
    [t('service.organization'), organization ? <bdi>{organization.name}</bdi> : none],
    [t('service.category'), t(`category.${s.category}`)],
    [t('service.populations'), s.populations.map((p) => t(`population.${p}`)).join(', ') || none],
    [t('service.languages'), s.languages.map((l) => langName(l)).join(', ') || none],
    [
      t('service.phones'),
      s.phones.length ? (
        <ul className="plain">
          {s.phones.map((p) => (
            <li key={p.id} dir="ltr">
              <a href={`tel:${p.number.replace(/[^\d+]/g, '')}`}>{p.number}</a>
            </li>
          ))}
        </ul>
      ) : (
        none
      ),
    ],
    [t('service.email'), s.email || none],
    [t('service.hours'), s.hours || none],
    [t('service.free'), s.free ? t('service.yes') : s.feesDescription || t('service.no')],
    [t('service.referralMethod'), t(`referralMethod.${s.referralMethod}`)],
    [
      t('service.responseDelay'),
      s.responseDelayHours === null
        ? none
        : t('service.responseDelayValue', { hours: s.responseDelayHours }),
    ],
    [
      t('service.location'),
      loc ? (
        <>
          <bdi>{[loc.name, loc.address.address1, loc.address.city].filter(Boolean).join(', ')}</bdi>
          <div>
            <bdi>
              {[
                regionName(loc.address.adminAreaCode, locale),
                districtName(loc.address.districtCode),
              ]
                .filter(Boolean)
                .join(' — ')}
            </bdi>
          </div>
          {loc.latitude !== null && (
            <div className="muted" dir="ltr">
              {loc.latitude.toFixed(5)}, {loc.longitude?.toFixed(5)}
            </div>
          )}
          {loc.visibility !== 'public' && (
            <span className="badge">{t(`visibility.${loc.visibility}`)}</span>
          )}
          {isRedacted(loc) && <p className="muted">{t('service.addressWithheld')}</p>}
        </>
      ) : (
        none
      ),
    ],
    // Ids the service has in the system it was imported from (issue 17).
    ...(s.externalIds?.length
      ? [
          [
            t('hsdsIds.externalId', { count: s.externalIds.length }),
            <ul className="plain">
              {s.externalIds.map((x) => (
                <li key={`${x.identifierType}|${x.identifier}`}>
                  <bdi>{x.identifier}</bdi>{' '}
                  <span className="muted">
                    (<bdi>{x.identifierScheme}</bdi>)
                  </span>
                </li>
              ))}
            </ul>,
          ] as [string, React.ReactNode],
        ]
      : []),
    [
      t('service.lastVerified'),
      s.lastVerified
        ? t('service.verifiedBy', { date: formatDate(s.lastVerified.date), by: s.lastVerified.by })
        : t('service.neverVerified'),
    ],
  ];

  const verify = async () => {
    await repos.directory.markVerified(s.id, today());
    setMessage(t('service.verifiedToday'));
  };
  const remove = async () => {
    await repos.directory.remove(s.id);
    navigate({ name: 'directory' });
  };

  return (
    <article className="service-detail">
      <div className="service-links">
        <a href={href({ name: 'directory' })}>
          <BackArrow /> {t('action.back')}
        </a>
        {loc && <a href={href({ name: 'map', serviceId: s.id })}>{t('ux.service.viewOnMap')}</a>}
      </div>
      <div className="screen-head">
        <h1 tabIndex={-1}>
          <bdi>{s.name}</bdi>
          {s.demo && <span className="badge">{t('service.demoBadge')}</span>}
        </h1>
        {can('directory.edit') && (
          <div className="actions">
            <button type="button" onClick={verify}>
              {t('service.markVerified')}
            </button>
            <a className="button" href={href({ name: 'serviceEdit', id: s.id })}>
              {t('action.edit')}
            </a>
            <button type="button" className="danger" onClick={() => setConfirming(true)}>
              {t('action.delete')}
            </button>
          </div>
        )}
      </div>
      {message && <p role="status">{message}</p>}
      {confirming && (
        <div role="alertdialog" aria-labelledby="confirm-delete" className="confirm">
          <p id="confirm-delete">{t('service.deleteConfirm', { name: s.name })}</p>
          <button type="button" className="danger" onClick={remove}>
            {t('action.confirm')}
          </button>
          <button type="button" onClick={() => setConfirming(false)}>
            {t('action.cancel')}
          </button>
        </div>
      )}
      {s.description && <p className="description">{s.description}</p>}
      <dl className="facts">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {/* Feature panels for this service (capacity, referrals, nearby services): one line each. */}
      <CapacityPanel service={s} />
      <ReferFromService service={s} />
      <NearbyPanel serviceId={s.id} />
      <HandoverPanel service={s} />
    </article>
  );
};
