// The link Ladder prints carries a one-time launch code in its fragment (never sent in a request,
// a Referer or a server log). The page trades it once for the session token, which it keeps in
// sessionStorage (per tab and per origin, so other ports cannot read it). Browsers keep visited
// addresses in their history file, so the code must be spent once used: what the history keeps
// opens nothing. Every trade mints the next code, for the next tab.
import { randomBytes } from 'node:crypto';
import { sameSecret } from './guard';

export interface LaunchCodes {
  /** The code a new link carries (the same until someone redeems it). */
  current(): string;
  /** True once per code: the code is spent and a fresh one becomes current. */
  redeem(code: string): boolean;
}

export function createLaunchCodes(): LaunchCodes {
  let code = randomBytes(18).toString('base64url');
  return {
    current: () => code,
    redeem(presented) {
      if (!sameSecret(presented, code)) return false;
      code = randomBytes(18).toString('base64url');
      return true;
    },
  };
}
