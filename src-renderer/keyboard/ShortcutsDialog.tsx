import { useId } from 'react';
import { useBerthStore } from '../store/store';
import { chordsOf, isMacPlatform, SHORTCUTS } from './page-shortcuts';
import { formatShortcut } from './shortcuts';
import { keyboardStrings as t } from './strings';
import { useModalDialog } from '../shared/use-modal-dialog';
import './keyboard.css';

/** "?" opens it: every shortcut, generated from the same list the key handler uses. */
export function ShortcutsDialog() {
  const open = useBerthStore((s) => s.shortcutsHelpOpen);
  return open ? <ShortcutsDialogContent /> : null;
}

function ShortcutsDialogContent() {
  const close = () => useBerthStore.getState().setShortcutsHelpOpen(false);
  const ref = useModalDialog<HTMLDialogElement>();
  const titleId = useId();
  const isMac = isMacPlatform();
  const groups = [
    { title: t.groups.global, rows: SHORTCUTS.map((s) => ({ action: s.label, keys: formatShortcut(chordsOf(s.id, isMac), isMac) })) },
    { title: t.groups.palette, rows: t.paletteKeys },
    { title: t.groups.lists, rows: t.listKeys },
  ];
  return (
    <dialog
      ref={ref}
      className="dialog shortcuts-dialog"
      aria-labelledby={titleId}
      data-keyboard-owner="help"
      onCancel={(e) => {
        e.preventDefault();
        close();
      }}
    >
      <h2 id={titleId}>{t.helpTitle}</h2>
      {groups.map((g) => (
        <table key={g.title} className="shortcuts-table">
          <caption>{g.title}</caption>
          <thead>
            <tr>
              <th scope="col">{t.columns.action}</th>
              <th scope="col">{t.columns.keys}</th>
            </tr>
          </thead>
          <tbody>
            {g.rows.map((r) => (
              <tr key={r.action}>
                <td>{r.action}</td>
                <td>
                  <kbd>{r.keys}</kbd>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
      <div className="dialog-buttons">
        <button type="button" className="button" onClick={close}>
          {t.close}
        </button>
      </div>
    </dialog>
  );
}
