/**
 * Settings → Map: how restricted locations are drawn (until accounts decide who may see them),
 * and the optional online tile layer with its address.
 */
import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { tileUrlProblem } from '@shared/domain/map/tiles';
import type { Preferences } from '@shared/domain/settings/schema';
import { useData } from '../../app/data';
import { useT } from '../../app/i18n';
import { Field } from '../../ui/Field';
import { usePreferences } from './useMapData';

const MODES = ['region-centre', 'hidden'] as const;

export const MapSettings = () => {
  const prefs = usePreferences();
  // The form starts from the stored preferences once loaded, then holds what the user edits.
  return prefs ? <MapSettingsForm prefs={prefs} /> : null;
};

const MapSettingsForm = ({ prefs }: { prefs: Preferences }) => {
  const t = useT();
  const { repos } = useData();
  const headingId = useId();
  const [restricted, setRestricted] = useState(prefs.restrictedLocations);
  const [onlineTiles, setOnlineTiles] = useState(prefs.onlineTiles);
  const [tileUrl, setTileUrl] = useState(prefs.tileUrl);
  const [error, setError] = useState<string>();
  const [message, setMessage] = useState('');

  const save = async (e: FormEvent) => {
    e.preventDefault();
    const problem = onlineTiles ? tileUrlProblem(tileUrl) : undefined;
    if (problem) {
      setError(t(`map.settings.error.${problem}`));
      setMessage('');
      return;
    }
    setError(undefined);
    // Read again: another screen may have changed other preferences since this form opened.
    const current = await repos.settings.getPreferences();
    const result = await repos.settings.savePreferences({
      ...current,
      restrictedLocations: restricted,
      onlineTiles,
      tileUrl: tileUrl.trim(),
    });
    setMessage(result.ok ? t('map.settings.saved') : '');
  };

  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('map.settings.title')}</h2>
      <form onSubmit={save} noValidate aria-labelledby={headingId}>
        <fieldset>
          <legend>{t('map.settings.restricted')}</legend>
          {MODES.map((m) => (
            <label key={m} className="checkbox">
              <input
                type="radio"
                name="restrictedLocations"
                value={m}
                checked={restricted === m}
                onChange={() => setRestricted(m)}
              />
              {t(`map.settings.restricted.${m}`)}
            </label>
          ))}
        </fieldset>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={onlineTiles}
            onChange={(e) => setOnlineTiles(e.target.checked)}
          />
          {t('map.settings.onlineTiles')}
        </label>
        <p className="hint">{t('map.settings.tilesHint')}</p>
        {onlineTiles && (
          <Field
            label={t('map.settings.tileUrl')}
            hint={t('map.settings.tileUrlHint')}
            error={error}
          >
            {(p) => (
              <input
                {...p}
                type="url"
                dir="ltr"
                value={tileUrl}
                onChange={(e) => setTileUrl(e.target.value)}
              />
            )}
          </Field>
        )}
        <button type="submit" className="primary">
          {t('map.settings.save')}
        </button>
        {message && <p role="status">{message}</p>}
      </form>
    </section>
  );
};
