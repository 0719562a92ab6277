import { Button } from '../ui/Button';
import { crumbsOf } from './file-paths';
import { fileStrings as t } from './strings';

/** The folders on the way to `path`, each a button that goes there; the root carries the container's or volume's name. */
export function Breadcrumb({ path, rootName, onGo }: { path: string; rootName: string; onGo(path: string): void }) {
  const crumbs = crumbsOf(path);
  return (
    <nav className="file-breadcrumb" aria-label={t.breadcrumb}>
      <ol>
        {crumbs.map((c, i) => {
          const last = i === crumbs.length - 1;
          return (
            <li key={c.path}>
              <Button
                variant="ghost"
                size="sm"
                aria-label={t.goTo(c.path)}
                aria-current={last ? 'location' : undefined}
                onClick={() => onGo(c.path)}
              >
                {i === 0 ? t.root(rootName) : c.name}
              </Button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
