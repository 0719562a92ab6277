import { useBerthStore } from '../store/store';
import { Button } from '../ui/Button';
import { DataTable, type Column } from '../ui/DataTable';
import { Dialog } from '../ui/Dialog';
import { chordsOf, isMacPlatform, SHORTCUTS } from './page-shortcuts';
import { formatShortcut } from './shortcuts';
import { keyboardStrings as t } from './strings';
import './keyboard.css';

type Row = { action: string; keys: string };
const columns: Column<Row>[] = [
  { key: 'action', header: t.columns.action, cell: (r) => r.action },
  { key: 'keys', header: t.columns.keys, width: '150px', numeric: true, title: (r) => r.keys, cell: (r) => <kbd>{r.keys}</kbd> },
];

/** "?" opens it: every shortcut, generated from the same list the key handler uses. */
export function ShortcutsDialog() {
  const open = useBerthStore((s) => s.shortcutsHelpOpen);
  return open ? <ShortcutsDialogContent /> : null;
}

function ShortcutsDialogContent() {
  const close = () => useBerthStore.getState().setShortcutsHelpOpen(false);
  const isMac = isMacPlatform();
  const groups = [
    { title: t.groups.global, rows: SHORTCUTS.map((s) => ({ action: s.label, keys: formatShortcut(chordsOf(s.id, isMac), isMac) })) },
    { title: t.groups.palette, rows: t.paletteKeys },
    { title: t.groups.lists, rows: t.listKeys },
  ];
  return (
    <Dialog title={t.helpTitle} onClose={close} keyboardOwner="help" className="shortcuts-dialog" footer={<Button onClick={close}>{t.close}</Button>}>
      {groups.map((g) => (
        <DataTable key={g.title} label={g.title} caption={g.title} columns={columns} rows={g.rows} rowKey={(r) => r.action} />
      ))}
    </Dialog>
  );
}
