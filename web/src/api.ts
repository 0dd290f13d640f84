// The one way the app talks to the Passend API: same origin, JSON, the session cookie, the
// CSRF token on every change, and every failure as an ApiError with the problem's stable
// code (docs/api.md: branch on `code`, never on the text).
// One problem of a file read in (POST /api/v1/catalog/import): where and what.
export interface RecordProblem {
  record: string; // "rij 3", "contents[0].services[1]"
  field: string;
  message: string;
}

export interface Problem {
  problems?: RecordProblem[];
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  code?: string;
  field?: string;
  instance?: string;
  request_id?: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly field?: string;
  readonly detail?: string;
  readonly requestId?: string;
  readonly problems?: RecordProblem[];
  constructor(status: number, problem: Problem) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.code = problem.code || codeForStatus(status);
    this.field = problem.field;
    this.detail = problem.detail;
    this.requestId = problem.request_id;
    this.problems = problem.problems;
  }
}

function codeForStatus(status: number): string {
  if (status === 0) return 'network';
  if (status === 400) return 'invalid_argument';
  if (status === 401) return 'unauthenticated';
  if (status === 403) return 'permission_denied';
  if (status === 404) return 'not_found';
  if (status === 405) return 'method_not_allowed';
  if (status === 409) return 'conflict';
  if (status === 413 || status === 429) return 'resource_exhausted';
  if (status === 503) return 'unavailable';
  return 'internal';
}

let csrfToken: string | null = null;
let onUnauthenticated: () => void = () => {};

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

// Called when a request that needed a session got a 401: the session has ended.
export function setUnauthenticatedHandler(fn: () => void): void {
  onUnauthenticated = fn;
}

export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  return (await apiWithHeaders<T>(method, path, body)).data;
}

// The same, with the answer's ETag and extra request headers (If-Match): the dossier is
// changed on the version it was read at (docs/api.md, "The dossier").
export async function apiWithHeaders<T>(
  method: string,
  path: string,
  body?: unknown,
  extra: Record<string, string> = {},
): Promise<{ data: T; etag: string | null }> {
  const headers: Record<string, string> = { Accept: 'application/json', ...extra };
  // A file (Blob) goes as it is, with its own type; anything else as JSON.
  const file = body instanceof Blob;
  if (body !== undefined) headers['Content-Type'] = file ? body.type || 'application/octet-stream' : 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : file ? body : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, { code: 'network' });
  }
  const text = await res.text();
  if (!res.ok) {
    let problem: Problem = {};
    try {
      problem = JSON.parse(text) as Problem;
    } catch {
      /* not a problem document (a proxy's page): the status decides */
    }
    const error = new ApiError(res.status, problem);
    if (res.status === 401 && !path.endsWith('/auth/login')) onUnauthenticated();
    throw error;
  }
  return { data: (text ? JSON.parse(text) : {}) as T, etag: res.headers.get('ETag') };
}

export const get = <T>(path: string) => api<T>('GET', path);
export const post = <T>(path: string, body?: unknown) => api<T>('POST', path, body ?? {});
export const del = <T>(path: string) => api<T>('DELETE', path);
export const patch = <T>(path: string, body: unknown) => api<T>('PATCH', path, body);

// Every page of a paged list (docs/api.md, Paging), up to `max` items.
export async function getAll<T>(path: string, max = 5000): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | null = null;
  const sep = path.includes('?') ? '&' : '?';
  do {
    const url: string = cursor ? `${path}${sep}cursor=${encodeURIComponent(cursor)}` : path;
    const page: { items: T[]; next_cursor: string | null } = await get(url);
    out.push(...page.items);
    cursor = page.next_cursor;
  } while (cursor && out.length < max);
  return out;
}
