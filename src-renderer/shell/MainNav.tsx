import { hrefs } from '../router/route';
import { shellStrings } from './strings';

type NavPage = 'containers' | 'images' | 'registries' | 'settings';

const links: { page: NavPage; href: string; label: string }[] = [
  { page: 'containers', href: hrefs.containers(), label: shellStrings.nav.containers },
  { page: 'images', href: hrefs.images(), label: shellStrings.nav.images },
  { page: 'registries', href: hrefs.registries(), label: shellStrings.nav.registries },
  { page: 'settings', href: hrefs.settings(), label: shellStrings.nav.settings },
];

export function MainNav({ current }: { current: NavPage | null }) {
  return (
    <nav aria-label={shellStrings.nav.label} className="main-nav">
      <ul>
        {links.map((l) => (
          <li key={l.page}>
            <a href={l.href} aria-current={current === l.page ? 'page' : undefined}>
              {l.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
