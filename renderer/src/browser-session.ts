// Browser mode's credentials. The link Ladder prints carries a one-time launch code in its
// fragment; the page trades it for the session token, takes the fragment out of the address bar,
// and keeps the token in sessionStorage (this tab and this origin only: no cookie, so no other
// service on 127.0.0.1 ever receives it). API calls and uploads send it in the X-Ladder-Token
// header. `#token=` is accepted too, for test harnesses that already hold a token.
export const tokenHeader = 'X-Ladder-Token';
const storageKey = 'ladder.token';

let pending: Promise<string | null> | null = null;

function fragmentParams(): URLSearchParams {
  return new URLSearchParams(window.location.hash.replace(/^#/, ''));
}

function stored(): string | null {
  try {
    return window.sessionStorage.getItem(storageKey);
  } catch {
    return null;
  }
}

function remember(token: string): void {
  try {
    window.sessionStorage.setItem(storageKey, token);
  } catch {
    // Storage disabled: the token lives in memory until the page is closed or reloaded.
  }
}

async function redeem(code: string): Promise<string> {
  const response = await fetch('./session', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    credentials: 'omit',
    body: JSON.stringify({ code }),
  });
  const reply = (await response.json().catch(() => null)) as
    { ok: true; value: { token: string } } | { ok: false; error: { message: string } } | null;
  if (reply?.ok) return reply.value.token;
  throw new Error(reply?.error.message ?? `Ladder refused the launch link (HTTP ${response.status}).`);
}

async function establish(): Promise<string | null> {
  const params = fragmentParams();
  const code = params.get('launch');
  const given = params.get('token');
  if (code !== null || given !== null) {
    // Out of the address bar and the tab's history entry before anything else runs.
    window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
  }
  if (given) {
    remember(given);
    return given;
  }
  if (code) {
    try {
      const token = await redeem(code);
      remember(token);
      return token;
    } catch (error) {
      // A spent link in a tab that is already connected (a reload of an old address) is harmless.
      const existing = stored();
      if (existing) return existing;
      throw error;
    }
  }
  return stored();
}

/** The session token, or null when this tab was opened without a launch link. */
export function sessionToken(): Promise<string | null> {
  pending ??= establish();
  return pending;
}

export async function authHeaders(): Promise<Record<string, string>> {
  const token = await sessionToken();
  if (!token) throw new Error('this page is not authorised; open the address Ladder printed when it started');
  return { [tokenHeader]: token };
}
