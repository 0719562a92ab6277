/**
 * What e2e/layout.spec.ts holds every page and dialog to, run inside the page.
 *
 * 1. No element's content is cut off or spills out. An element whose content is wider than
 *    its box (scrollWidth > clientWidth) is a problem unless it scrolls (overflow auto or
 *    scroll) or is deliberately truncated: `text-overflow: ellipsis` with its whole text in a
 *    `title` (on it, inside it or around it). Form fields (which scroll their value), SVG,
 *    the terminal's canvas and visually hidden text are not looked at.
 * 2. No word breaks across lines. Every run of non-space characters in a text node must lie
 *    on one line (Range.getClientRects() all on one top), except in places that may wrap
 *    anywhere by design: <pre>, the log lines, the terminal, and `.ui-wrap-anywhere`
 *    (digests, paths, commands).
 *
 * Must stay self-contained: Playwright sends the function's source to the page.
 */
export function findLayoutProblems(rootSelector = 'body'): string[] {
  const root = document.querySelector(rootSelector) ?? document.body;
  const problems: string[] = [];
  const skipAll = 'svg, .xterm, .visually-hidden, option, script, style, noscript';
  const wrapAnywhere = 'pre, textarea, .log-lines, .ui-wrap-anywhere, .xterm';
  const describe = (el: Element): string => {
    const cls = typeof el.className === 'string' && el.className.trim() ? `.${el.className.trim().split(/\s+/).slice(0, 3).join('.')}` : '';
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 60);
    return `<${el.tagName.toLowerCase()}${cls}> "${text}"`;
  };
  const visible = (el: Element): boolean => {
    if (el.getClientRects().length === 0) return false;
    const cs = getComputedStyle(el);
    return cs.visibility !== 'hidden' && cs.opacity !== '0';
  };
  const titledWith = (el: HTMLElement): boolean => {
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (!text) return true;
    const titles = [el, el.closest('[title]'), ...el.querySelectorAll('[title]')]
      .map((e) => (e instanceof HTMLElement ? e.title : ''))
      .filter(Boolean);
    return titles.some((t) => t.replace(/\s+/g, ' ').includes(text) || text.includes(t.replace(/\s+/g, ' ')));
  };
  const hasOwnText = (el: Element) => [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '');

  for (const el of root.querySelectorAll<HTMLElement>('*')) {
    if (el.closest(skipAll) || el.matches('input, select, textarea, progress') || !visible(el)) continue;
    if (el.clientWidth === 0 || el.scrollWidth <= el.clientWidth + 1) continue;
    const cs = getComputedStyle(el);
    if (cs.overflowX === 'auto' || cs.overflowX === 'scroll') continue;
    const clipped = cs.overflowX === 'hidden' || cs.overflowX === 'clip';
    if (clipped) {
      if (cs.textOverflow === 'ellipsis' && titledWith(el)) continue;
      if (cs.textOverflow === 'ellipsis') problems.push(`truncated without its whole text in a title: ${describe(el)}`);
      else problems.push(`cuts off its content (${el.scrollWidth} px in ${el.clientWidth} px): ${describe(el)}`);
    } else if (hasOwnText(el)) {
      problems.push(`text spills out of its box (${el.scrollWidth} px in ${el.clientWidth} px): ${describe(el)}`);
    }
  }

  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    const text = node.textContent ?? '';
    if (!parent || text.trim().length < 2 || parent.closest(skipAll) || parent.closest(wrapAnywhere) || !visible(parent)) continue;
    for (const m of text.matchAll(/\S{2,}/g)) {
      range.setStart(node, m.index);
      range.setEnd(node, m.index + m[0].length);
      const tops = [...range.getClientRects()].filter((r) => r.width > 0).map((r) => r.top);
      if (tops.length > 1 && Math.max(...tops) - Math.min(...tops) > 2) {
        problems.push(`breaks the word "${m[0].slice(0, 40)}" across lines in ${describe(parent)}`);
      }
    }
  }
  return [...new Set(problems)];
}

/** Buttons of open dialogs that are not wholly inside the viewport. */
export function findHiddenDialogActions(): string[] {
  const out: string[] = [];
  for (const dialog of document.querySelectorAll('dialog[open]')) {
    for (const b of dialog.querySelectorAll('button')) {
      if (b.getClientRects().length === 0) continue;
      const r = b.getBoundingClientRect();
      if (r.top < 0 || r.left < 0 || r.bottom > window.innerHeight || r.right > window.innerWidth) {
        out.push(`"${(b.getAttribute('aria-label') ?? b.textContent ?? '').trim()}" is outside the window (${Math.round(r.top)}..${Math.round(r.bottom)} of ${window.innerHeight})`);
      }
    }
  }
  return out;
}
