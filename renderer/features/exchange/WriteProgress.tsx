/**
 * The import's write, batch by batch: services written of all, and Cancel, which aborts the
 * one transaction so that nothing of the file is saved. Once the last batch is in, the commit
 * cannot be cancelled any more and the button goes.
 */
import { useT } from '../../app/i18n';

export const WriteProgress = ({
  done,
  total,
  onCancel,
}: {
  done: number;
  total: number;
  onCancel: () => void;
}) => {
  const t = useT();
  const last = total > 0 && done >= total;
  return (
    <div className="exchange-progress">
      <p role="status">
        {last ? t('importStream.committing') : t('importStream.writing', { done, total })}
      </p>
      <progress aria-label={t('importStream.writingLabel')} value={done} max={Math.max(total, 1)} />
      {!last && (
        <>
          <button type="button" onClick={onCancel}>
            {t('importStream.cancelWrite')}
          </button>
          <p className="hint">{t('importStream.cancelHint')}</p>
        </>
      )}
    </div>
  );
};
