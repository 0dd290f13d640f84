// The care office moves the catalogue in the field's files (docs/formats.md): the whole
// catalogue as CSV for Excel or as HSDS 3.0 (GET /api/v1/catalog/export), and a file a
// provider filled in read back in (POST /api/v1/catalog/import): checked whole and written
// all at once, or, when chosen, only the good rows; every problem shown by row and column.
import { useState } from 'preact/hooks';
import { api, ApiError, type RecordProblem } from '../api';
import { formatNumber, t } from '../i18n';
import { Choice, Select } from '../components/Fields';
import { Problem } from '../components/Problem';

interface ImportAnswer {
  providers: number;
  locations: number;
  offers: number;
  records_read: number;
  records_left_out: number;
  problems: RecordProblem[];
}

export default function CatalogFiles() {
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState('csv');
  const [validOnly, setValidOnly] = useState(false);
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<ImportAnswer | null>(null);
  const [error, setError] = useState<unknown>(null);

  const send = async () => {
    setDone(null);
    setError(null);
    if (!file) {
      setMissing(true);
      document.getElementById('bestand')?.focus();
      return;
    }
    setBusy(true);
    try {
      const q = new URLSearchParams({ format });
      if (validOnly) q.set('valid_only', 'true');
      setDone(await api<ImportAnswer>('POST', `/api/v1/catalog/import?${q}`, file));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  // A file with problems and nothing written: the problems are the message.
  const refused = error instanceof ApiError && error.problems?.length ? error.problems : null;
  const problems = done?.problems.length ? done.problems : refused;

  return (
    <section>
      <h1 class="utrecht-heading-1">{t('files.title')}</h1>
      <p class="utrecht-paragraph">{t('files.intro')}</p>

      <h2 class="utrecht-heading-2">{t('files.export_title')}</h2>
      <p class="utrecht-paragraph">{t('files.export_text')}</p>
      <ul class="action-list">
        <li>
          <a class="utrecht-button-link utrecht-button-link--secondary-action" href="/api/v1/catalog/export?format=csv" download="aanbod.csv">
            {t('files.export_csv')}
          </a>
        </li>
        <li>
          <a class="utrecht-button-link utrecht-button-link--secondary-action" href="/api/v1/catalog/export?format=hsds" download="aanbod-hsds.json">
            {t('files.export_hsds')}
          </a>
        </li>
        <li>
          <a class="utrecht-button-link utrecht-button-link--secondary-action" href="/api/v1/catalog/csv-template" download="aanbod_sjabloon.csv">
            {t('files.template')}
          </a>
        </li>
      </ul>

      <h2 class="utrecht-heading-2">{t('files.import_title')}</h2>
      <p class="utrecht-paragraph">{t('files.import_text')}</p>
      <form
        class="utrecht-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void send();
        }}
      >
        <div class={`utrecht-form-field${missing ? ' utrecht-form-field--invalid' : ''}`}>
          <label class="utrecht-form-label" for="bestand">
            {t('files.file')}
          </label>
          {missing && (
            <p class="utrecht-form-field-error-message" id="bestand-error">
              {t('files.file_missing')}
            </p>
          )}
          <input
            id="bestand"
            type="file"
            class="file-input"
            accept=".csv,.json,text/csv,application/json"
            aria-describedby={missing ? 'bestand-error' : undefined}
            aria-invalid={missing ? true : undefined}
            onChange={(e) => {
              const f = (e.target as HTMLInputElement).files?.[0] ?? null;
              setFile(f);
              setMissing(false);
              if (f) setFormat(/\.json$/i.test(f.name) ? 'hsds' : 'csv');
            }}
          />
        </div>
        <Select
          id="bestand-soort"
          label={t('files.format')}
          value={format}
          options={[
            { value: 'csv', label: t('files.format_csv') },
            { value: 'hsds', label: t('files.format_hsds') },
          ]}
          onChange={setFormat}
        />
        <Choice
          type="checkbox"
          id="alleen-goede"
          label={t('files.valid_only')}
          hint={t('files.valid_only_hint')}
          checked={validOnly}
          onChange={setValidOnly}
        />
        <div class="button-row">
          <button type="submit" class="utrecht-button utrecht-button--primary-action big" disabled={busy}>
            {t('files.import')}
          </button>
        </div>
      </form>
      {busy && <p class="loading">{t('files.busy')}</p>}
      <div role="status">
        {done && (
          <p class="utrecht-paragraph">
            {t('files.done', {
              offers: formatNumber(done.offers),
              locations: formatNumber(done.locations),
              providers: formatNumber(done.providers),
            })}{' '}
            {done.records_left_out > 0 && t('files.left_out', { count: done.records_left_out })}
          </p>
        )}
      </div>
      {refused ? (
        <div class="utrecht-alert utrecht-alert--error" role="alert">
          <div class="utrecht-alert__content">
            <div class="utrecht-alert__message">
              <p class="utrecht-paragraph">
                <strong>{t('files.refused', { count: refused.length })}</strong>
              </p>
              <p class="utrecht-paragraph">{t('files.refused_advice')}</p>
            </div>
          </div>
        </div>
      ) : (
        error !== null && <Problem error={error} />
      )}
      {problems && (
        <div class="table-scroll" tabIndex={0} role="region" aria-labelledby="problemen">
          <table class="utrecht-table utrecht-table--html-table">
            <caption id="problemen" class="utrecht-table__caption">
              {t('files.problems')}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('files.where')}</th>
                <th scope="col">{t('files.field')}</th>
                <th scope="col">{t('files.what')}</th>
              </tr>
            </thead>
            <tbody>
              {problems.map((p, i) => (
                <tr key={i}>
                  <td>{p.record}</td>
                  <td>{p.field}</td>
                  <td>{p.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
