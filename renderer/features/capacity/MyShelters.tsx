/** Which shelters this desk updates: ticked boxes, saved at once (a preference of this computer). */
import { useState } from 'react';
import type { ShelterSummary } from '@shared/domain/capacity/summary';
import { useData } from '../../app/data';
import { useT } from '../../app/i18n';
import { regionName } from '../directory/useDirectory';

export const MyShelters = ({
  shelters,
  mine,
}: {
  shelters: readonly ShelterSummary[];
  mine: readonly string[];
}) => {
  const t = useT();
  const { repos } = useData();
  const [message, setMessage] = useState('');
  const toggle = async (id: string, on: boolean) => {
    const next = on ? [...mine, id] : mine.filter((m) => m !== id);
    await repos.capacity.setMyShelters(next);
    setMessage(t('capacity.mineSaved'));
  };
  return (
    <fieldset className="capacity-mine">
      <legend>{t('capacity.mineLegend')}</legend>
      <p className="hint">{t('capacity.mineHint')}</p>
      <div className="capacity-mine-list">
        {shelters.map((s) => (
          <label key={s.serviceId} className="checkbox">
            <input
              type="checkbox"
              checked={mine.includes(s.serviceId)}
              onChange={(e) => void toggle(s.serviceId, e.target.checked)}
            />
            <bdi>{s.name}</bdi>
            <span className="muted">{regionName(s.regionCode)}</span>
          </label>
        ))}
      </div>
      <p role="status" className="muted">
        {message}
      </p>
    </fieldset>
  );
};
