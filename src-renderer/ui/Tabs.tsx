import { useRef, type KeyboardEvent, type ReactNode } from 'react';
import type { LucideIcon } from 'lucide-react';
import './tabs.css';

export interface TabItem<Id extends string> {
  id: Id;
  label: string;
  /** A link tab (the hash router's pages); without it the tab is a button and calls onSelect. */
  href?: string;
  icon?: LucideIcon;
}

/** The id of a tab and of its panel, so TabPanel and Tabs agree. */
export const tabId = (prefix: string, id: string) => `${prefix}-tab-${id}`;
export const panelId = (prefix: string, id: string) => `${prefix}-panel-${id}`;

/**
 * The ARIA tabs pattern: one tab in the Tab order (roving tabindex), arrows, Home and End
 * move and select (automatic activation: a tab shows cheap local content or a route).
 */
export function Tabs<Id extends string>({
  label,
  idPrefix,
  tabs,
  current,
  onSelect,
  size = 'md',
}: {
  label: string;
  idPrefix: string;
  tabs: readonly TabItem<Id>[];
  current: Id;
  onSelect?: (id: Id) => void;
  size?: 'sm' | 'md';
}) {
  const refs = useRef(new Map<Id, HTMLElement>());
  const select = (tab: TabItem<Id>) => {
    if (tab.href) window.location.hash = tab.href;
    onSelect?.(tab.id);
    refs.current.get(tab.id)?.focus();
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const at = tabs.findIndex((t) => t.id === current);
    const next =
      e.key === 'ArrowRight' ? (at + 1) % tabs.length
      : e.key === 'ArrowLeft' ? (at - 1 + tabs.length) % tabs.length
      : e.key === 'Home' ? 0
      : e.key === 'End' ? tabs.length - 1
      : -1;
    const tab = tabs[next];
    if (!tab) return;
    e.preventDefault();
    select(tab);
  };
  return (
    <div role="tablist" aria-label={label} className={`ui-tabs ui-tabs-${size}`} onKeyDown={onKeyDown}>
      {tabs.map((tab) => {
        const selected = tab.id === current;
        const common = {
          ref: (el: HTMLElement | null) => {
            if (el) refs.current.set(tab.id, el);
            else refs.current.delete(tab.id);
          },
          role: 'tab',
          id: tabId(idPrefix, tab.id),
          'aria-selected': selected,
          'aria-controls': panelId(idPrefix, tab.id),
          tabIndex: selected ? 0 : -1,
          className: 'ui-tab',
        } as const;
        const content = (
          <>
            {tab.icon && <tab.icon size={14} aria-hidden="true" />}
            {tab.label}
          </>
        );
        return tab.href ? (
          <a key={tab.id} {...common} href={tab.href} onClick={() => onSelect?.(tab.id)}>
            {content}
          </a>
        ) : (
          <button key={tab.id} type="button" {...common} onClick={() => select(tab)}>
            {content}
          </button>
        );
      })}
    </div>
  );
}

/** The panel of the current tab; fills the space left under the tab list. */
export function TabPanel({ idPrefix, id, children, className }: { idPrefix: string; id: string; children: ReactNode; className?: string }) {
  return (
    <div role="tabpanel" id={panelId(idPrefix, id)} aria-labelledby={tabId(idPrefix, id)} className={`ui-tab-panel${className ? ` ${className}` : ''}`}>
      {children}
    </div>
  );
}
