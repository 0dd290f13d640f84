// An API failure in plain Dutch: what happened and what you can do, by the problem's
// stable code (docs/api.md), with the server's own detail and the request id for a helpdesk.
import { ApiError } from '../api';
import { t } from '../i18n';

const KNOWN = new Set([
  'invalid_argument',
  'not_found',
  'already_exists',
  'conflict',
  'failed_precondition',
  'permission_denied',
  'unauthenticated',
  'resource_exhausted',
  'unavailable',
  'internal',
  'method_not_allowed',
  'network',
]);

export function problemText(error: unknown): { title: string; advice: string } {
  const code = error instanceof ApiError && KNOWN.has(error.code) ? error.code : 'internal';
  return { title: t(`errors.${code}.title`), advice: t(`errors.${code}.advice`) };
}

export function Problem({ error }: { error: unknown }) {
  const { title, advice } = problemText(error);
  const api = error instanceof ApiError ? error : null;
  return (
    <div class="utrecht-alert utrecht-alert--error" role="alert">
      <div class="utrecht-alert__content">
        <div class="utrecht-alert__message">
          <p class="utrecht-paragraph">
            <strong>{title}</strong>
          </p>
          <p class="utrecht-paragraph">{advice}</p>
          {api?.detail && (
            <p class="utrecht-paragraph">
              {t('errors.detail')} {api.detail}
            </p>
          )}
          {api?.requestId && (
            <p class="utrecht-paragraph small">{t('errors.request_id', { id: api.requestId })}</p>
          )}
        </div>
      </div>
    </div>
  );
}
