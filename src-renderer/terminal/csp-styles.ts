/**
 * xterm.js writes part of its CSS (cell sizes, theme colours) into <style> elements it
 * creates at run time. Berth's CSP (style-src 'self') rightly refuses inline styles, so
 * those rules would never apply. Constructable stylesheets are not inline styles: this
 * mirrors the text of each such <style> under `root` into an adopted stylesheet and keeps
 * it in step as xterm rewrites it.
 */
export function mirrorInlineStyles(root: HTMLElement): () => void {
  const sheets = new Map<HTMLStyleElement, CSSStyleSheet>();

  const sync = () => {
    let changed = false;
    for (const el of root.querySelectorAll('style')) {
      let sheet = sheets.get(el);
      if (!sheet) {
        sheet = new CSSStyleSheet();
        sheets.set(el, sheet);
        changed = true;
      }
      const text = el.textContent ?? '';
      if ((sheet as CSSStyleSheet & { berthText?: string }).berthText !== text) {
        sheet.replaceSync(text);
        (sheet as CSSStyleSheet & { berthText?: string }).berthText = text;
      }
    }
    for (const [el, sheet] of sheets) {
      if (!root.contains(el)) {
        sheets.delete(el);
        document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
      }
    }
    if (changed) {
      const ours = new Set(sheets.values());
      document.adoptedStyleSheets = [...document.adoptedStyleSheets.filter((s) => !ours.has(s)), ...ours];
    }
  };

  const observer = new MutationObserver(sync);
  observer.observe(root, { subtree: true, childList: true, characterData: true });
  sync();
  return () => {
    observer.disconnect();
    const ours = new Set(sheets.values());
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => !ours.has(s));
    sheets.clear();
  };
}
