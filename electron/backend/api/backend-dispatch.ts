import { createDispatcher, type Dispatch } from '#shared/api/dispatch';
import type { Session } from '../session';
import { handlers } from './handlers';

/** The backend's entry point for every transport. Bugs are logged here with their stack; callers get one sentence. */
export function createBackendDispatch(session: Session): Dispatch {
  return createDispatcher(handlers, session, (error) =>
    console.error('Unexpected error in the Ladder backend:', error),
  );
}
