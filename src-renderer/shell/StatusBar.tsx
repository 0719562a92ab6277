import { statusBarItems } from './status-bar-items';

/** The bar along the bottom of the window, like an IDE's: engine status first, then the features' items. */
export function StatusBar() {
  const start = statusBarItems.filter((i) => i.align !== 'end');
  const end = statusBarItems.filter((i) => i.align === 'end');
  return (
    <div className="statusbar">
      {start.map(({ id, component: Item }) => (
        <Item key={id} />
      ))}
      <span className="statusbar-spacer" />
      {end.map(({ id, component: Item }) => (
        <Item key={id} />
      ))}
    </div>
  );
}
