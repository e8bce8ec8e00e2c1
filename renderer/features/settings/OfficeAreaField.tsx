/**
 * The area an office covers, which sets its level (issue 18): none for a national office, a
 * region for a regional one, a district for a district office. Districts are listed under
 * their region.
 */
import { useT } from '../../app/i18n';
import { Field } from '../../ui/Field';
import { useAreas } from '../directory/useAreas';

export const OfficeAreaField = ({
  country,
  defaultValue,
  error,
}: {
  country: string;
  defaultValue?: string;
  error?: string;
}) => {
  const t = useT();
  const areas = useAreas(country);
  return (
    <Field label={t('office.area')} hint={t('office.level')} error={error}>
      {(p) => (
        <select {...p} name="areaCode" defaultValue={defaultValue ?? ''}>
          <option value="">{t('office.areaNone')}</option>
          <optgroup label={t('office.level.1')}>
            {areas.regions.map((r) => (
              <option key={r.code} value={r.code}>
                {r.name}
              </option>
            ))}
          </optgroup>
          {areas.regions.map((r) => {
            const districts = areas.districtsOf(r.code);
            return districts.length === 0 ? null : (
              <optgroup key={r.code} label={`${t('office.level.2')} — ${r.name}`}>
                {districts.map((d) => (
                  <option key={d.code} value={d.code}>
                    {d.name}
                  </option>
                ))}
              </optgroup>
            );
          })}
        </select>
      )}
    </Field>
  );
};
