// One export job at a time for the dialog: started with a fresh id, its progress polled while it
// runs, cancellable, and cancelled when the dialog closes.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ExportProgress } from '#shared/api/export-contract';
import { api } from '../../api';

export interface RunningJob {
  label: string;
  progress: ExportProgress | null;
}

let counter = 0;
const newJobId = (kind: string) => `${kind}-${Date.now().toString(36)}-${(++counter).toString(36)}`;

export function useExportJob() {
  const [running, setRunning] = useState<RunningJob | null>(null);
  const current = useRef<string | null>(null);

  const run = useCallback(async <T>(label: string, work: (jobId: string) => Promise<T>): Promise<T> => {
    const jobId = newJobId('job');
    current.current = jobId;
    setRunning({ label, progress: null });
    const timer = setInterval(() => {
      void api.request('export.progress', { jobId }).then((p) => {
        if (p.ok && p.value.running && current.current === jobId) setRunning({ label, progress: p.value });
      });
    }, 250);
    try {
      return await work(jobId);
    } finally {
      clearInterval(timer);
      if (current.current === jobId) {
        current.current = null;
        setRunning(null);
      }
    }
  }, []);

  const cancel = useCallback(() => {
    const jobId = current.current;
    if (jobId) void api.request('export.cancel', { jobId });
  }, []);

  useEffect(() => cancel, [cancel]);
  return { running, run, cancel };
}

export { newJobId };
