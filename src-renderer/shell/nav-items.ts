import { Activity, Cloud, Container, Database, HardDrive, Layers, Network, Settings, type LucideIcon } from 'lucide-react';
import { hrefs, type Route } from '../router/route';
import { shellStrings } from './strings';

export interface NavItem {
  id: string;
  label: string;
  icon: LucideIcon;
  href: string;
  /** The routes that count as this page (its details views, sub-pages). */
  pages: readonly Route['page'][];
  /** `end`: pinned to the bottom of the sidebar (Settings). */
  placement?: 'end';
}

const s = shellStrings.nav;

/**
 * The sidebar's entries, in order. Adding a page is one line here plus its route. Keep the
 * order: resources (containers, images, volumes, networks, disk usage, activity), then
 * distribution (registries), then Settings at the bottom.
 */
export const navItems: readonly NavItem[] = [
  // Resources
  { id: 'containers', label: s.containers, icon: Container, href: hrefs.containers(), pages: ['containers', 'container', 'project-logs'] },
  { id: 'images', label: s.images, icon: Layers, href: hrefs.images(), pages: ['images', 'image', 'build'] },
  { id: 'volumes', label: s.volumes, icon: Database, href: hrefs.volumes(), pages: ['volumes', 'volume'] },
  { id: 'networks', label: s.networks, icon: Network, href: hrefs.networks(), pages: ['networks', 'network'] },
  { id: 'disk-usage', label: s.diskUsage, icon: HardDrive, href: hrefs.diskUsage(), pages: ['disk-usage'] },
  { id: 'activity', label: s.activity, icon: Activity, href: hrefs.activity(), pages: ['activity'] },
  // Distribution
  { id: 'registries', label: s.registries, icon: Cloud, href: hrefs.registries(), pages: ['registries'] },
  // Bottom
  { id: 'settings', label: s.settings, icon: Settings, href: hrefs.settings(), pages: ['settings'], placement: 'end' },
];

/** The entry the route belongs to, if any. */
export const currentNavItem = (route: Route): NavItem | undefined => navItems.find((item) => item.pages.includes(route.page));
