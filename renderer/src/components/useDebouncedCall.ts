// A backend answer that follows its inputs: the call runs a moment after they stop changing (a
// dragged slider asks once), an answer for inputs that have since changed is dropped, and the last
// answer stays on screen while the next one is on its way. `call` is null while inputs are missing.
import { useEffect, useState, type DependencyList } from 'react';
import { messageOf } from '#shared/error-message';

export function useDebouncedCall<T>(
  call: (() => Promise<T>) | null,
  deps: DependencyList,
  delayMs = 300,
): { value: T | null; error: string | null; loading: boolean } {
  const [value, setValue] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  useEffect(() => {
    if (!call) return;
    let live = true;
    setLoading(true);
    const timer = setTimeout(() => {
      call().then(
        (v) => {
          if (!live) return;
          setValue(v);
          setError(null);
          setLoading(false);
        },
        (e: unknown) => {
          if (!live) return;
          setError(messageOf(e));
          setLoading(false);
        },
      );
    }, delayMs);
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the caller names what the call depends on
  }, deps);
  return { value, error, loading };
}
