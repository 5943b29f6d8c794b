import { views, type ViewId } from '../nav';

export function Sidebar({ current, onSelect }: { current: ViewId; onSelect(view: ViewId): void }) {
  return (
    <nav className="sidebar" aria-label="Views">
      <ul>
        {views.map((v) => (
          <li key={v.id}>
            <button
              className={v.id === current ? 'nav-item active' : 'nav-item'}
              aria-current={v.id === current ? 'page' : undefined}
              onClick={() => onSelect(v.id)}
              title={`${v.label} (Alt+${v.shortcut})`}
              aria-keyshortcuts={`Alt+${v.shortcut}`}
            >
              {v.label}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
