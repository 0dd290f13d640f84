import { t } from '../i18n';
import { Problem } from './Problem';

// What a page shows while its data comes, or why it did not.
export function Loading({ error }: { error: unknown }) {
  if (error !== null && error !== undefined) return <Problem error={error} />;
  return (
    <p class="loading" role="status">
      {t('common.loading')}
    </p>
  );
}
