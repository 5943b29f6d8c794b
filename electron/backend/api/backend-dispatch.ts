import { createDispatcher, type Dispatch, type Handlers } from '#shared/api/dispatch';
import type { MethodName } from '#shared/api/contract';
import type { Session } from '../session';
import { confineArgs } from './confine';
import { handlers } from './handlers';
import { logProblem } from '../log-problem';

/** Every handler behind path confinement: a path argument reaches it only once confined. */
const confinedHandlers = Object.fromEntries(
  Object.entries(handlers).map(([name, handler]) => [
    name,
    (args: unknown, session: Session) =>
      (handler as (args: unknown, session: Session) => unknown)(
        confineArgs(session, name as MethodName, args),
        session,
      ),
  ]),
) as unknown as Handlers<Session>;

/** The backend's entry point for every transport. Bugs are logged here with their stack; callers get one sentence. */
export function createBackendDispatch(session: Session): Dispatch {
  return createDispatcher(confinedHandlers, session, (error) =>
    logProblem('Unexpected error in the Ladder backend', error),
  );
}
