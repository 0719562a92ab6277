import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { imageNameText, type FamilyNode, type ImageFamily } from '../../../src-common/models/images';
import { formatBytes } from '../../containers/format';
import { hrefs } from '../../router/route';
import { imageStrings } from '../strings';
import { visibleNodes, type FlatNode } from './family-tree-model';
import { ChevronDown } from 'lucide-react';

const t = imageStrings.layers;

function labelOf(node: FamilyNode, currentId: string): string {
  const names = node.images.map((i) => (i.id === currentId ? `${imageNameText(i)} ${t.thisImage}` : imageNameText(i)));
  const who = names.length ? names.join(', ') : t.sharedBase;
  return `${who} — ${t.layerCount(node.depth)}, ${t.adds(formatBytes(node.size))}`;
}

/**
 * The local images as a tree over shared layer chains (ARIA tree pattern): arrows move,
 * Left/Right fold and unfold, Enter opens the image. Every node is open at first and the
 * current image is marked.
 */
export function FamilyTree({ family, currentId }: { family: ImageFamily; currentId: string }) {
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const flat = useMemo(() => visibleNodes(family.roots, collapsed), [family, collapsed]);
  const currentIndex = Math.max(
    0,
    flat.findIndex((f) => f.node.images.some((i) => i.id === currentId)),
  );
  const [focus, setFocus] = useState<string | null>(null);
  const focusIndex = Math.max(0, focus === null ? currentIndex : flat.findIndex((f) => f.key === focus));
  const refs = useRef(new Map<string, HTMLLIElement>());

  const moveTo = (index: number) => {
    const target = flat[Math.max(0, Math.min(flat.length - 1, index))];
    if (!target) return;
    setFocus(target.key);
    refs.current.get(target.key)?.focus();
  };
  const toggle = (f: FlatNode, open: boolean) => {
    const next = new Set(collapsed);
    if (open) next.delete(f.key);
    else next.add(f.key);
    setCollapsed(next);
  };

  const onKey = (e: KeyboardEvent, f: FlatNode, index: number) => {
    const hasKids = f.node.children.length > 0;
    const open = hasKids && !collapsed.has(f.key);
    switch (e.key) {
      case 'ArrowDown':
        moveTo(index + 1);
        break;
      case 'ArrowUp':
        moveTo(index - 1);
        break;
      case 'Home':
        moveTo(0);
        break;
      case 'End':
        moveTo(flat.length - 1);
        break;
      case 'ArrowRight':
        if (hasKids && !open) toggle(f, true);
        else if (open) moveTo(index + 1);
        break;
      case 'ArrowLeft':
        if (open) toggle(f, false);
        else if (f.parentKey) moveTo(flat.findIndex((x) => x.key === f.parentKey));
        break;
      case 'Enter': {
        const img = f.node.images[0];
        if (img) window.location.hash = hrefs.image(img.id, 'layers');
        break;
      }
      default:
        return;
    }
    e.preventDefault();
    e.stopPropagation();
  };

  const render = (nodes: FamilyNode[], parentKey: string, level: number) =>
    nodes.map((node, i) => {
      const key = `${parentKey}/${node.chainId}`;
      const index = flat.findIndex((f) => f.key === key);
      const f = flat[index];
      const hasKids = node.children.length > 0;
      const open = hasKids && !collapsed.has(key);
      const isCurrent = node.images.some((im) => im.id === currentId);
      const labelId = `family-${node.chainId.replace(/^sha256:/, '').slice(0, 24)}`;
      return (
        <li
          key={key}
          role="treeitem"
          aria-level={level}
          aria-setsize={nodes.length}
          aria-posinset={i + 1}
          aria-expanded={hasKids ? open : undefined}
          aria-current={isCurrent ? 'true' : undefined}
          aria-labelledby={labelId}
          tabIndex={index === focusIndex ? 0 : -1}
          ref={(el) => {
            if (el) refs.current.set(key, el);
            else refs.current.delete(key);
          }}
          className={`family-node${isCurrent ? ' current' : ''}${node.images.length ? '' : ' fork'}`}
          onKeyDown={(e) => f && onKey(e, f, index)}
          onFocus={(e) => {
            if (e.target === e.currentTarget) setFocus(key);
          }}
          onClick={(e) => {
            e.stopPropagation();
            if (f) setFocus(key);
            if (hasKids && (e.target as HTMLElement).closest('.family-toggle')) toggle(f!, !open);
          }}
          onDoubleClick={(e) => {
            e.stopPropagation();
            const img = node.images[0];
            if (img) window.location.hash = hrefs.image(img.id, 'layers');
          }}
        >
          <span className="family-label">
            {hasKids ? (
              <span className={`family-toggle${open ? '' : ' collapsed'}`} aria-hidden="true">
                <ChevronDown size={14} />
              </span>
            ) : (
              <span className="family-toggle-space" aria-hidden="true" />
            )}
            <span className="visually-hidden" id={labelId}>
              {labelOf(node, currentId)}
            </span>
            <span aria-hidden="true" className="family-names ui-truncate" title={node.images.length ? node.images.map(imageNameText).join(', ') : t.sharedBase}>
              {node.images.length ? node.images.map(imageNameText).join(', ') : t.sharedBase}
              {isCurrent && <span className="family-this"> {t.thisImage}</span>}
            </span>
            <span aria-hidden="true" className="family-meta">
              {t.layerCount(node.depth)} · {t.adds(formatBytes(node.size))}
            </span>
          </span>
          {open && (
            <ul role="group">{render(node.children, key, level + 1)}</ul>
          )}
        </li>
      );
    });

  return (
    <>
      <ul role="tree" aria-label={t.familyLabel} className="family-tree">
        {render(family.roots, '', 1)}
      </ul>
      {family.layerless.length > 0 && (
        <p className="ui-muted">
          {t.layerless}: {family.layerless.map(imageNameText).join(', ')}
        </p>
      )}
    </>
  );
}
