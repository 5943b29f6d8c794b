// The colour scheme the page is drawn in (the app follows the system's light or dark setting).
import { useEffect, useState } from 'react';
import type { Theme } from '../../charts/heat-scale';

const query = () => window.matchMedia('(prefers-color-scheme: dark)');

export function useTheme(): Theme {
  const [theme, setTheme] = useState<Theme>(() => (query().matches ? 'dark' : 'light'));
  useEffect(() => {
    const q = query();
    const onChange = () => setTheme(q.matches ? 'dark' : 'light');
    q.addEventListener('change', onChange);
    return () => q.removeEventListener('change', onChange);
  }, []);
  return theme;
}
