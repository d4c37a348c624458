// The REST API, called with the token of this tab's session. The dashboard reads and acts through it only.

const API = new URL('../', document.baseURI);
const TOKEN = 'tasker.token';

/** A refusal or failure of the API, with its problem document when it sent one. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail ?? `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

/** The token kept for this tab only: sessionStorage ends with the tab. */
export const session = {
  token: () => sessionStorage.getItem(TOKEN),
  signIn: token => sessionStorage.setItem(TOKEN, token.trim().replace(/^Bearer\s+/i, '')),
  signOut: () => sessionStorage.removeItem(TOKEN),
  /** Who the token names, read from its claims (the server checks them; this is for display). */
  subject() {
    const token = this.token();
    try {
      const claims = JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
      return claims.upn ?? claims.preferred_username ?? claims.sub ?? null;
    } catch {
      return null;
    }
  },
};

/** Where a path of the API is, for links (the metrics, the OpenAPI document). */
export function apiUrl(path) {
  return new URL(path, API).href;
}

/**
 * Calls the API: `query` values that are arrays repeat their parameter; `body` goes as JSON. Resolves to the
 * parsed answer (text for a non-JSON one); rejects with an ApiError, a 401 after the token is dropped.
 */
export async function call(path, {method = 'GET', query = {}, body, accept = 'application/json'} = {}) {
  const url = new URL(path, API);
  for (const [name, value] of Object.entries(query)) {
    for (const one of [value].flat()) {
      if (one !== undefined && one !== null && one !== '') {
        url.searchParams.append(name, one);
      }
    }
  }
  const headers = {Accept: accept};
  const token = session.token();
  if (token) {
    headers.Authorization = `Bearer ${token}`;
  }
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  const response = await fetch(url, {method, headers, body: body === undefined ? undefined : JSON.stringify(body)});
  const text = await response.text();
  const type = response.headers.get('Content-Type') ?? '';
  const parsed = text && type.includes('json') ? JSON.parse(text) : text;
  if (!response.ok) {
    if (response.status === 401) {
      session.signOut();
    }
    throw new ApiError(response.status, typeof parsed === 'object' ? parsed : null);
  }
  return parsed;
}
