import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { runContainerAction } from '../containers/actions';
import { imageRowActions } from '../images/image-actions';
import { useImagesLive } from '../images/use-images-live';
import { useVolumesLive } from '../volumes/use-volumes-live';
import { useNetworksLive } from '../networks/use-networks-live';
import { isMacPlatform } from '../keyboard/page-shortcuts';
import { useModalDialog } from '../ui/use-modal-dialog';
import { Input } from '../ui/Input';
import { useBerthStore } from '../store/store';
import { buildPaletteItems, searchPalette, type GlobalCommandId, type PaletteAction } from './palette-items';
import { openPullDialog } from '../registries/transfer-dialogs';
import { openRunDialog } from '../run/run-dialog-state';
import { hrefs } from '../router/route';
import { paletteStrings as t } from './strings';
import './palette.css';

/** How many results are rendered; typing narrows the rest down. */
const SHOWN = 50;
const PAGE = 10;

function run(action: PaletteAction) {
  switch (action.type) {
    case 'navigate':
      window.location.hash = action.href;
      return;
    case 'container':
      void runContainerAction(action.id, action.action);
      return;
    case 'image':
      imageRowActions.find((a) => a.key === action.actionKey)?.run(action.target);
      return;
    case 'remove-volume':
      useBerthStore.getState().openVolumeDialog({ kind: 'remove', name: action.name });
      return;
    case 'network':
      useBerthStore.getState().openNetworkDialog({ kind: 'connect', networkId: action.id, containerId: null });
      return;
    case 'command':
      runCommand(action.id);
  }
}

function runCommand(id: GlobalCommandId) {
  switch (id) {
    case 'pull':
      openPullDialog();
      return;
    case 'build':
      window.location.hash = hrefs.build();
      return;
    case 'run':
      openRunDialog();
      return;
    case 'prune':
      useBerthStore.getState().openImageDialog({ kind: 'prune' });
      return;
    case 'login':
      window.location.hash = hrefs.registries();
  }
}

/** Ctrl/⌘+K: jump to any page or container, or run an action on one, from the keyboard. */
export function CommandPalette() {
  const open = useBerthStore((s) => s.paletteOpen);
  return open ? <PaletteContent /> : null;
}

function Highlighted({ text, positions }: { text: string; positions: number[] }) {
  if (positions.length === 0) return <>{text}</>;
  const marked = new Set(positions);
  return (
    <>
      {[...text].map((ch, i) =>
        marked.has(i) ? (
          <mark key={i} className="palette-hit">
            {ch}
          </mark>
        ) : (
          ch
        ),
      )}
    </>
  );
}

function PaletteContent() {
  const close = () => useBerthStore.getState().setPaletteOpen(false);
  const dialogRef = useModalDialog<HTMLDialogElement>();
  const listRef = useRef<HTMLUListElement>(null);
  const containers = useBerthStore(useShallow((s) => Object.values(s.containers)));
  const images = useBerthStore(useShallow((s) => Object.values(s.images)));
  const volumes = useBerthStore(useShallow((s) => Object.values(s.volumes)));
  const networks = useBerthStore(useShallow((s) => Object.values(s.networks)));
  // The image, volume and network lists are live only while some view needs them: the palette is one.
  useImagesLive();
  useVolumesLive();
  useNetworksLive();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const ids = { list: useId(), status: useId() };

  const items = useMemo(
    () => buildPaletteItems({ containers, images, imageActions: imageRowActions, volumes, networks, isMac: isMacPlatform() }),
    [containers, images, volumes, networks],
  );
  const results = useMemo(() => searchPalette(items, query), [items, query]);
  const shown = results.slice(0, SHOWN);
  const activeIndex = Math.min(active, Math.max(0, shown.length - 1));
  const optionId = (i: number) => `${ids.list}-${i}`;

  useEffect(() => {
    listRef.current?.querySelector(`[id="${CSS.escape(optionId(activeIndex))}"]`)?.scrollIntoView({ block: 'nearest' });
  });

  const choose = (index: number) => {
    const result = shown[index];
    if (!result) return;
    // Close first, so focus goes back where it was before the action moves anything.
    close();
    run(result.item.action);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const last = shown.length - 1;
    const moves: Record<string, () => number> = {
      ArrowDown: () => (activeIndex >= last ? 0 : activeIndex + 1),
      ArrowUp: () => (activeIndex <= 0 ? last : activeIndex - 1),
      PageDown: () => Math.min(last, activeIndex + PAGE),
      PageUp: () => Math.max(0, activeIndex - PAGE),
    };
    const move = moves[e.key];
    if (move && shown.length > 0) {
      e.preventDefault();
      setActive(move());
    } else if (e.key === 'Enter') {
      e.preventDefault();
      choose(activeIndex);
    }
  };

  return (
    <dialog
      ref={dialogRef}
      className="ui-dialog palette"
      aria-label={t.title}
      data-keyboard-owner="palette"
      onCancel={(e) => {
        e.preventDefault();
        close();
      }}
      onMouseDown={(e) => {
        // A click on the backdrop lands on the dialog element itself.
        if (e.target === e.currentTarget) close();
      }}
    >
      <Input
        className="palette-input"
        role="combobox"
        aria-label={t.input}
        aria-expanded="true"
        aria-controls={ids.list}
        aria-autocomplete="list"
        aria-activedescendant={shown.length > 0 ? optionId(activeIndex) : undefined}
        aria-describedby={ids.status}
        placeholder={t.placeholder}
        spellCheck={false}
        autoComplete="off"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      <ul ref={listRef} id={ids.list} role="listbox" aria-label={t.results} className="palette-list">
        {shown.map(({ item, positions }, i) => (
          <li
            key={item.key}
            id={optionId(i)}
            role="option"
            aria-selected={i === activeIndex}
            aria-description={[t.kinds[item.kind], item.detail, item.keys].filter(Boolean).join(', ')}
            className="palette-option"
            onMouseDown={(e) => e.preventDefault()}
            onMouseMove={() => i !== activeIndex && setActive(i)}
            onClick={() => choose(i)}
          >
            <span className={`palette-kind palette-kind-${item.kind}`} aria-hidden="true">
              {t.kinds[item.kind]}
            </span>
            <span className="palette-label" title={item.label}>
              <Highlighted text={item.label} positions={positions} />
            </span>
            {item.detail && (
              <span className="palette-detail" title={item.detail} aria-hidden="true">
                {item.detail}
              </span>
            )}
            {item.keys && (
              <kbd className="palette-keys" aria-hidden="true">
                {item.keys}
              </kbd>
            )}
          </li>
        ))}
      </ul>
      <p id={ids.status} className="palette-status" role="status">
        {shown.length === 0 ? t.empty : results.length > SHOWN ? t.more(results.length - SHOWN) : t.count(results.length)}
      </p>
    </dialog>
  );
}
