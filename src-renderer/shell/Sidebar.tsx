import { Anchor, PanelLeftClose, PanelLeftOpen } from 'lucide-react';
import { useRoute } from '../router/use-route';
import { iconElement } from '../ui/icon-element';
import { currentNavItem, navItems, type NavItem } from './nav-items';
import { shellStrings } from './strings';
import { useSidebarCollapsed } from './use-sidebar-collapsed';
import './sidebar.css';

const s = shellStrings.nav;

function Entry({ item, current, collapsed }: { item: NavItem; current: boolean; collapsed: boolean }) {
  return (
    <li>
      <a className="sidebar-link" href={item.href} aria-current={current ? 'page' : undefined}>
        {iconElement(item.icon, 18, 'sidebar-icon')}
        <span className={collapsed ? 'visually-hidden' : 'sidebar-label'}>{item.label}</span>
        {collapsed && (
          <span className="sidebar-tooltip" aria-hidden="true">
            {item.label}
          </span>
        )}
      </a>
    </li>
  );
}

/**
 * The left sidebar: Berth's mark, one entry per page (from nav-items.ts), the current one
 * marked aria-current="page", and a toggle that folds it to icons (remembered). Folded, an
 * entry keeps its name for assistive technology and shows it as a tooltip on hover and focus.
 */
export function Sidebar() {
  const route = useRoute();
  const [collapsed, setCollapsed] = useSidebarCollapsed();
  const current = currentNavItem(route)?.id;
  const main = navItems.filter((i) => i.placement !== 'end');
  const end = navItems.filter((i) => i.placement === 'end');
  const ToggleIcon = collapsed ? PanelLeftOpen : PanelLeftClose;
  const toggleLabel = collapsed ? s.expand : s.collapse;
  return (
    <nav aria-label={s.label} className={`sidebar${collapsed ? ' sidebar-collapsed' : ''}`}>
      <div className="sidebar-brand">
        <span className="sidebar-mark" aria-hidden="true">
          <Anchor size={16} strokeWidth={2.5} />
        </span>
        <span className={collapsed ? 'visually-hidden' : 'sidebar-name'}>{shellStrings.appName}</span>
      </div>
      <ul className="sidebar-list">
        {main.map((item) => (
          <Entry key={item.id} item={item} current={item.id === current} collapsed={collapsed} />
        ))}
      </ul>
      <ul className="sidebar-list sidebar-list-end">
        {end.map((item) => (
          <Entry key={item.id} item={item} current={item.id === current} collapsed={collapsed} />
        ))}
        <li>
          {/* eslint-disable-next-line no-restricted-syntax -- drawn as a sidebar entry, like the links around it */}
          <button type="button" className="sidebar-link sidebar-toggle" aria-expanded={!collapsed} aria-label={toggleLabel} onClick={() => setCollapsed(!collapsed)}>
            {iconElement(ToggleIcon, 18, 'sidebar-icon')}
            {!collapsed && <span className="sidebar-label">{s.collapseShort}</span>}
            {collapsed && (
              <span className="sidebar-tooltip" aria-hidden="true">
                {toggleLabel}
              </span>
            )}
          </button>
        </li>
      </ul>
    </nav>
  );
}
