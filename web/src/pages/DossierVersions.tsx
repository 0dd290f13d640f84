// The versions of a dossier: who changed it, when and why, and for the chosen version what
// changed against the one before, in words (GET .../versions and .../diff).
import { formatDateTime, t } from '../i18n';
import type { PageProps } from '../routes';
import { useAsync } from '../useAsync';
import { diff, versions } from '../dossier';
import { useDossierTarget } from '../components/DossierLinks';
import { Loading } from '../components/Loading';
import { changeText } from './DossierEdit';

export default function DossierVersions({ params, query }: PageProps) {
  const target = useDossierTarget(params, query);
  const id = target.id;
  const list = useAsync(() => (id ? versions(id) : Promise.resolve([])), [id]);
  const items = list.data ?? [];
  const latest = items.length ? items[items.length - 1].version : 0;
  const wanted = Number(query.get('versie') || latest);
  const chosen = items.find((v) => v.version === wanted) ?? items[items.length - 1];
  const change = useAsync(
    () => (id && chosen && chosen.version > 1 ? diff(id, chosen.version - 1, chosen.version) : Promise.resolve(null)),
    [id, chosen?.version],
  );
  const link = (n: number) => {
    const base = target.path('/versies');
    return `${base}${base.includes('?') ? '&' : '?'}versie=${n}`;
  };
  const who = (v: (typeof items)[number]) =>
    v.author.role === 'system' ? t('versions.system') : `${v.author.name} (${t(`roles.${v.author.role}`, { defaultValue: v.author.role })})`;
  return (
    <section>
      <p class="no-print">
        <a class="utrecht-link" href={target.path()}>
          {t('dossier.back_dossier')}
        </a>
      </p>
      <h1 class="utrecht-heading-1">{t('versions.title')}</h1>
      <p class="utrecht-paragraph">{t('versions.intro')}</p>
      {!list.data && <Loading error={list.error} />}
      {chosen && (
        <section class="version-change" aria-labelledby="wat-veranderde">
          <h2 class="utrecht-heading-2" id="wat-veranderde">
            {t('versions.what_changed', { n: chosen.version })}
          </h2>
          <p class="utrecht-paragraph">
            {t('versions.by', {
              who: who(chosen),
              when: chosen.recorded_at ? formatDateTime(chosen.recorded_at) : t('common.unknown'),
            })}{' '}
            {t('versions.reason', { reason: chosen.reason })}
          </p>
          {chosen.version === 1 ? (
            <p class="utrecht-paragraph">{t('versions.first')}</p>
          ) : !change.data ? (
            <Loading error={change.error} />
          ) : change.data.changes.length === 0 ? (
            <p class="utrecht-paragraph">{t('versions.no_changes')}</p>
          ) : (
            <ul class="change-list">
              {change.data.changes.map((c, i) => (
                <li key={i} class={`change change-${c.kind}`}>
                  <span class="change-kind">{t(`versions.kind.${c.kind}`)}</span> {changeText(c)}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      {items.length > 0 && (
        <>
          <h2 class="utrecht-heading-2">{t('versions.all')}</h2>
          <ol class="version-list" reversed>
            {[...items].reverse().map((v) => (
              <li key={v.version}>
                {v.version === chosen?.version ? (
                  <strong aria-current="true">{t('versions.version', { n: v.version })}</strong>
                ) : (
                  <a class="utrecht-link" href={link(v.version)}>
                    {t('versions.version', { n: v.version })}
                  </a>
                )}
                {': '}
                {v.recorded_at ? formatDateTime(v.recorded_at) : t('common.unknown')}, {who(v)}.{' '}
                <span class="muted">“{v.reason}”</span>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
