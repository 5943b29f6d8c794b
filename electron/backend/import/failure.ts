// The one error an import raises for a problem with the file or the mapping: a sentence that names
// the file's row, column and value where it can, so the user can fix the file. It crosses the API
// like any LadderError (the CLI prints it and exits 1).
import { LadderError } from '#shared/api/result';

export interface FailureWhere {
  line?: number;
  column?: string;
}

export class ImportFailure extends LadderError {
  constructor(
    message: string,
    readonly where: FailureWhere = {},
  ) {
    super('bad_request', message);
    this.name = 'ImportFailure';
  }
}

export class ImportCancelled extends LadderError {
  constructor() {
    super('cancelled', 'The import was cancelled; the workspace is unchanged.');
    this.name = 'ImportCancelled';
  }
}
